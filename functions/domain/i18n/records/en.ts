// Innovation records (a record, adopting, editing, reports, statements, versions, the registry log, a new record), the ledger, the economy page, credentials and their verifier, a person's public page.
// English is the source: es.ts and nl.ts must give every key (MessagesOf fails `tsc` otherwise).
export const en = {};
