// Decisions (a proposal, a new one, editing), an opening's applicants, applications and editing, a syndicate's forms (new syndicate, new opening, work), and the states proposals and openings are in.
// English is the source: es.ts and nl.ts must give every key (MessagesOf fails `tsc` otherwise).
export const en = {};
