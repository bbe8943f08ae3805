// Decisions (a proposal, a new one, editing), an opening's applicants, applications and editing, a syndicate's forms (new syndicate, new opening, work), and the states proposals and openings are in., in Spanish (tú).
import type { MessagesOf } from '../messages.ts';
import type { en } from './en.ts';

export const es: MessagesOf<typeof en> = {};

/** Keys whose Spanish is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
