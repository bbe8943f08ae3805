// Innovation records (a record, adopting, editing, reports, statements, versions, the registry log, a new record), the ledger, the economy page, credentials and their verifier, a person's public page., in Dutch (je).
import type { MessagesOf } from '../messages.ts';
import type { en } from './en.ts';

export const nl: MessagesOf<typeof en> = {};

/** Keys whose Dutch is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
