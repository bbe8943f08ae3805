// Emails and notifications, written in the language the person chose.
// English is the source: es.ts and nl.ts must give every key (MessagesOf fails `tsc` otherwise).
export const en = {};
