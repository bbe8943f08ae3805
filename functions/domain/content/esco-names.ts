// ESCO's URI base and licence notice, apart from the data file's schema (esco-data.ts), so the code
// that only names ESCO (search documents, the skills picker, the site) carries no zod schema with them.
export const escoBase = 'http://data.europa.eu/esco/';
export const escoAttribution = 'ESCO, © European Union, CC BY 4.0';
