// Emails and notifications, written in the language the person chose., in Spanish (tú).
import type { MessagesOf } from '../messages.ts';
import type { en } from './en.ts';

export const es: MessagesOf<typeof en> = {
  'email.language.label': 'Idioma de los correos',
  'email.language.hint': 'Guildhall te escribe los avisos por correo en este idioma.',
};

/** Keys whose Spanish is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
