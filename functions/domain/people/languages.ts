// The languages a person can say they work in, as BCP 47 tags (RFC 5646) with an English name. A fixed
// list, not free tags: a tag typed by hand ("en-uk", "english") would never match an employer's search,
// and the list can grow as the commons does. It covers the EU's official languages, the languages most
// spoken by people who work in them, and British, Irish and Spanish regional languages our syndicates use.
export const languages = [
  ['ar', 'Arabic'],
  ['bg', 'Bulgarian'],
  ['bn', 'Bengali'],
  ['ca', 'Catalan'],
  ['cs', 'Czech'],
  ['cy', 'Welsh'],
  ['da', 'Danish'],
  ['de', 'German'],
  ['el', 'Greek'],
  ['en', 'English'],
  ['es', 'Spanish'],
  ['et', 'Estonian'],
  ['eu', 'Basque'],
  ['fa', 'Persian'],
  ['fi', 'Finnish'],
  ['fr', 'French'],
  ['ga', 'Irish'],
  ['gl', 'Galician'],
  ['hi', 'Hindi'],
  ['hr', 'Croatian'],
  ['hu', 'Hungarian'],
  ['it', 'Italian'],
  ['lt', 'Lithuanian'],
  ['lv', 'Latvian'],
  ['mt', 'Maltese'],
  ['nl', 'Dutch'],
  ['pa', 'Punjabi'],
  ['pl', 'Polish'],
  ['pt', 'Portuguese'],
  ['ro', 'Romanian'],
  ['ru', 'Russian'],
  ['sk', 'Slovak'],
  ['sl', 'Slovenian'],
  ['so', 'Somali'],
  ['sq', 'Albanian'],
  ['sv', 'Swedish'],
  ['ti', 'Tigrinya'],
  ['tr', 'Turkish'],
  ['uk', 'Ukrainian'],
  ['ur', 'Urdu'],
  ['zh', 'Chinese'],
] as const;

export type LanguageTag = (typeof languages)[number][0];

export const languageTags = languages.map(([tag]) => tag) as [LanguageTag, ...LanguageTag[]];

const names: ReadonlyMap<string, string> = new Map(languages);

/** The English name of a tag from the list, or the tag itself. */
export const languageName = (tag: string) => names.get(tag) ?? tag;
