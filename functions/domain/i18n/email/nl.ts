// Emails and notifications, written in the language the person chose., in Dutch (je).
import type { MessagesOf } from '../messages.ts';
import type { en } from './en.ts';

export const nl: MessagesOf<typeof en> = {
  'email.language.label': 'Taal van e-mails',
  'email.language.hint': 'Guildhall stuurt je meldingen per e-mail in deze taal.',
};

/** Keys whose Dutch is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
