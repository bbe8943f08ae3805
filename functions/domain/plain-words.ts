// Every sentence a refused value gets, in one module, so the API's problem+json and the site's forms say
// the same thing and a translation has one place to start. Each message says what to do ("Needs at
// least 5 characters."), never what the parser saw: no pattern, no type names, no paths.
// This replaces zod's English locale (zod.ts installs `plainError`), and costs no more in a bundle.
// The sentences are templates (i18n/plain-en.ts), so i18n/translate-plain.ts can say each in another language.
import type * as z from 'zod/mini';
import { type PlainKey, plainEn } from './i18n/plain-en.ts';

/** A plain-words sentence in English, its `{names}` filled in. */
export const say = (key: PlainKey, values: Record<string, string | number> = {}) =>
  plainEn[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

/** A count with its noun agreeing: "1 item", "3 items", "2 people". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A possessive: "Riverside’s", but "Riverside Builders’" (a name ending in s takes the apostrophe alone). */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}’` : `${name}’s`);

/** Amounts of Bound in requests are whole minor units: what to send when one is not. */
export const wholeAmount = say('wholeAmount');
export const wholeCredit = say('wholeCredit');

/** A form takes money as typed (12.50), not in minor units: what it says when an amount is not a number. */
export const amountTyped = say('amountTyped');
const numberShape = [wholeAmount, wholeCredit, say('wholeNumber'), say('number')];

/** A form's message for a refused money field: a shape refusal as the form takes it, in major units. */
export const typedAmountMessage = (field: string, message: string) =>
  /(^|\.)(amount|credit)$/.test(field) && numberShape.includes(message) ? amountTyped : message;

export const unknownField = say('unknownField');

const list = (values: readonly unknown[]) => values.map(String).join(', ');

// Formats zod checks for: what a person types to pass them.
const formats: Record<string, PlainKey> = {
  email: 'email',
  url: 'url',
  date: 'date',
  datetime: 'datetime',
  uuid: 'uuid',
};

/** The plain sentence for one zod issue (zod's `customError`): every code the project's checks can raise. */
export function plainError(issue: z.core.$ZodRawIssue): string {
  const sized = issue.origin === 'string' ? 'Character' : issue.origin === 'array' ? 'Item' : '';
  const whole = (issue.inst?._zod.def as { format?: string } | undefined)?.format?.includes('int');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return say('fillIn');
      if (issue.expected === 'bigint') return say('wholeNumber');
      if (issue.expected === 'number' || issue.expected === 'int') return say(whole ? 'wholeNumber' : 'number');
      if (issue.expected === 'string') return say('text');
      if (issue.expected === 'boolean') return say('yesNo');
      if (issue.expected === 'array') return say('list');
      return say('fields');
    case 'too_small': {
      const count = Number(issue.minimum);
      if (sized === 'Character' && count === 1) return say('fillIn');
      if (sized === 'Item' && count === 1) return say('addOne');
      if (sized) return say(`atLeast${sized}${count === 1 ? '' : 's'}` as PlainKey, { count });
      return say(issue.inclusive ? 'orMore' : 'moreThan', { limit: String(issue.minimum) });
    }
    case 'too_big': {
      const count = Number(issue.maximum);
      if (sized) return say(`atMost${sized}${count === 1 ? '' : 's'}` as PlainKey, { count });
      return say(issue.inclusive ? 'orLess' : 'lessThan', { limit: String(issue.maximum) });
    }
    case 'invalid_format':
      if (issue.format === 'starts_with') return say('startWith', { prefix: String(issue.prefix) });
      return say(formats[issue.format] ?? 'asShown');
    case 'invalid_value':
      return issue.values.length === 1
        ? say('exactly', { value: String(issue.values[0]) })
        : say('oneOf', { values: list(issue.values) });
    case 'not_multiple_of':
      return say('multipleOf', { divisor: String(issue.divisor) });
    case 'invalid_union':
      // A discriminated union names the kinds it takes; a plain union's closest option speaks instead (validation.ts).
      return Array.isArray(issue.options) ? say('oneOf', { values: list(issue.options) }) : say('check');
    case 'unrecognized_keys':
      return say(issue.keys.length === 1 ? 'removeIt' : 'removeThem', { keys: list(issue.keys) });
    default:
      return say('check');
  }
}

/** A field as a person names it: the last word of its path, split into words (`validThrough` → "Valid through"). */
export function fieldLabel(path: string): string {
  const last = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop();
  if (!last || /^(body|path|query)$/.test(last)) return say('thisRequest');
  const words = last
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The same refusal of several entries of one list, said once: "Needs … This applies to entries 1 and 3." */
export function eachEntry(message: string, positions: readonly number[]): string {
  const numbers = positions.map((position) => position + 1);
  const last = numbers.pop();
  if (numbers.length === 0) return say('entry', { message, entries: String(last) });
  return say('entries', { message, entries: `${numbers.join(', ')} and ${last}` });
}

/** The API's `detail` for a refused request: each field by its person's name, then what to do. */
export function refusalDetail(issues: ReadonlyArray<{ field: string; message: string }>): string {
  return issues.map((issue) => `${fieldLabel(issue.field)}: ${issue.message}`).join(' ');
}
