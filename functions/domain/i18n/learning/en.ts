// Learning beyond the catalogue: enrolling, practical work and its assessment, quiz results, a skill's and a practice's pages, paths, shortage wording, the restorative circle's words, problem titles.
// English is the source: es.ts and nl.ts must give every key (MessagesOf fails `tsc` otherwise).
export const en = {};
