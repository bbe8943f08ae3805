// A refusal's plain-words sentence in the reader's language. The domain and zod write every sentence in
// English (plain-words.ts) from the templates in plain-en.ts; this reads a sentence back into its
// template and its values, and fills the same values into the reader's template. A sentence from no
// template (a rule's own explanation, written where the rule lives) stays in English.
import type { FieldIssue } from '../errors.ts';
import { fieldLabel } from '../plain-words.ts';
import { defaultLocale, intlTags, type Locale } from './locales.ts';
import { type FieldNames, fieldNamesEn, type PlainKey, type PlainMessages, plainEn } from './plain-en.ts';
import { fieldNamesEs, plainEs } from './plain-es.ts';
import { fieldNamesNl, plainNl } from './plain-nl.ts';

const plain: Record<Locale, PlainMessages> = { en: plainEn, es: plainEs, nl: plainNl };
const fieldNames: Record<Locale, FieldNames> = { en: fieldNamesEn, es: fieldNamesEs, nl: fieldNamesNl };

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A list (`values`, `keys`), a prefix or a whole sentence may hold spaces; a count, a limit or a value
// does not, so "Enter the date it ended." is no "Enter {value}." and stays as it was written.
const valuePattern = (name: string) => (/^(values|keys|prefix|message)$/.test(name) ? '(.+?)' : '(\\S+?)');

// Longest first, so a template never matches what a longer, more particular one says.
const readers = (Object.keys(plainEn) as PlainKey[])
  .filter((key) => key !== 'entry' && key !== 'entries')
  .map((key) => {
    const parts = plainEn[key].split(/\{(\w+)\}/);
    // split() with a capture group puts each placeholder's name at the odd places.
    const names = parts.filter((_, index) => index % 2 === 1);
    const source = parts.map((part, index) => (index % 2 === 1 ? valuePattern(part) : escapeRegExp(part))).join('');
    return { key, names, pattern: new RegExp(`^${source}$`, 's') };
  })
  .sort((a, b) => plainEn[b.key].length - plainEn[a.key].length);

const eachEntry = /^(.*) This applies to (entry|entries) (\d+(?:(?:, | and )\d+)*)\.$/s;

/** One plain-words sentence in `locale`; a sentence no template wrote comes back as it is. */
export function translatePlain(message: string, locale: Locale): string {
  if (locale === defaultLocale) return message;
  const entries = eachEntry.exec(message);
  if (entries) {
    const numbers = (entries[3] ?? '').match(/\d+/g) ?? [];
    return fill(plain[locale][entries[2] === 'entry' ? 'entry' : 'entries'], {
      message: translatePlain(entries[1] ?? '', locale),
      entries: new Intl.ListFormat(intlTags[locale], { type: 'conjunction' }).format(numbers),
    });
  }
  for (const { key, names, pattern } of readers) {
    const found = pattern.exec(message);
    if (found) return fill(plain[locale][key], Object.fromEntries(names.map((name, i) => [name, found[i + 1] ?? ''])));
  }
  return message;
}

/** A field as a person names it, in `locale`: `body.hoursPerWeek` → "Horas por semana". */
export function fieldLabelIn(path: string, locale: Locale): string {
  const english = fieldLabel(path);
  if (locale === defaultLocale) return english;
  if (english === plainEn.thisRequest) return plain[locale].thisRequest;
  const last = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop();
  return last && Object.hasOwn(fieldNames[locale], last) ? fieldNames[locale][last as keyof FieldNames] : english;
}

/** One issue's sentence in `locale`: the rule's own words where it keeps them, else its template's. */
export const issueIn = (issue: Pick<FieldIssue, 'message' | 'wordsIn'>, locale: Locale): string =>
  locale === defaultLocale ? issue.message : (issue.wordsIn?.(locale) ?? translatePlain(issue.message, locale));

/** A refusal's issues in `locale`, each field path kept as it is for the machines that read it. */
export const issuesIn = (issues: readonly FieldIssue[], locale: Locale): FieldIssue[] =>
  issues.map((issue) => ({ field: issue.field, message: issueIn(issue, locale) }));

/** The API's `detail` for a refused request in `locale` (plain-words.ts `refusalDetail`, translated). */
export function refusalDetailIn(issues: readonly FieldIssue[], locale: Locale): string {
  return issues.map((issue) => `${fieldLabelIn(issue.field, locale)}: ${issueIn(issue, locale)}`).join(' ');
}
