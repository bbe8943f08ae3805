// Innovation records (a record, adopting, editing, reports, statements, versions, the registry log, a new record), the ledger, the economy page, credentials and their verifier, a person's public page., in Spanish (tú).
import type { MessagesOf } from '../messages.ts';
import type { en } from './en.ts';

export const es: MessagesOf<typeof en> = {};

/** Keys whose Spanish is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
