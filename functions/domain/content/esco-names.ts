// ESCO's URI base and licence notice, apart from the data file's schema (esco-data.ts), so the code
// that only names ESCO (search documents, the skills picker, the site) carries no zod schema with them.
export const escoBase = 'http://data.europa.eu/esco/';
export const escoAttribution = 'ESCO, © European Union, CC BY 4.0';

/** Whether a value is an ESCO skill's URI, by shape (whether ESCO has it is asked of the search port). */
export const isEscoSkillUri = (value: string) =>
  /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
