// Every sentence a refused value gets, in one module, so the API's problem+json and the site's forms say
// the same thing and a translation has one place to start. Each message says what to do ("Needs at
// least 5 characters."), never what the parser saw: no pattern, no type names, no paths.
// This replaces zod's English locale (zod.ts installs `plainError`), and costs no more in a bundle.
import type * as z from 'zod/mini';

/** A count with its noun agreeing: "1 item", "3 items", "2 people". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A possessive: "Riverside’s", but "Riverside Builders’" (a name ending in s takes the apostrophe alone). */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}’` : `${name}’s`);

/** Amounts of Bound in requests are whole minor units: what to send when one is not. */
export const wholeAmount = 'Enter the amount in minor units as a whole number above zero, for example 1250 for 12.50.';
export const wholeCredit = 'Enter the credit in minor units as a whole number, 0 or more, for example 1250 for 12.50.';

/** A form takes money as typed (12.50), not in minor units: what it says when an amount is not a number. */
export const amountTyped = 'Enter the amount as a number, for example 12.50.';
const numberShape = [
  wholeAmount,
  wholeCredit,
  'Enter a whole number, for example 12.',
  'Enter a number, for example 12.50.',
];

/** A form's message for a refused money field: a shape refusal as the form takes it, in major units. */
export const typedAmountMessage = (field: string, message: string) =>
  /(^|\.)(amount|credit)$/.test(field) && numberShape.includes(message) ? amountTyped : message;

export const unknownField = 'This request does not take this field.';

const list = (values: readonly unknown[]) => values.map(String).join(', ');

// Formats zod checks for: what a person types to pass them.
const formats: Record<string, string> = {
  email: 'Enter an email address, for example name@example.org.',
  url: 'Enter a web address, for example https://example.org.',
  date: 'Enter a date as year-month-day, for example 2026-03-31.',
  datetime: 'Enter a date and time, for example 2026-03-31T09:00:00Z.',
  uuid: 'Enter the id exactly as it was given.',
};

/** The plain sentence for one zod issue (zod's `customError`): every code the project's checks can raise. */
export function plainError(issue: z.core.$ZodRawIssue): string {
  const sized = issue.origin === 'string' ? 'character' : issue.origin === 'array' ? 'item' : '';
  const whole = (issue.inst?._zod.def as { format?: string } | undefined)?.format?.includes('int');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Fill this in.';
      if (issue.expected === 'bigint') return 'Enter a whole number, for example 12.';
      if (issue.expected === 'number' || issue.expected === 'int')
        return whole ? 'Enter a whole number, for example 12.' : 'Enter a number, for example 12.50.';
      if (issue.expected === 'string') return 'Enter this as text.';
      if (issue.expected === 'boolean') return 'Choose yes or no.';
      if (issue.expected === 'array') return 'Give a list of values.';
      return 'Give the fields this needs.';
    case 'too_small':
      if (sized === 'character' && issue.minimum === 1) return 'Fill this in.';
      if (sized === 'item' && issue.minimum === 1) return 'Add at least one.';
      if (sized) return `Needs at least ${plural(Number(issue.minimum), sized)}.`;
      return issue.inclusive ? `Enter ${issue.minimum} or more.` : `Enter more than ${issue.minimum}.`;
    case 'too_big':
      if (sized) return `Use at most ${plural(Number(issue.maximum), sized)}.`;
      return issue.inclusive ? `Enter ${issue.maximum} or less.` : `Enter less than ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'starts_with') return `Start this with "${issue.prefix}".`;
      return formats[issue.format] ?? 'Check this is written the way the form shows.';
    case 'invalid_value':
      return issue.values.length === 1 ? `Enter ${String(issue.values[0])}.` : `Choose one of: ${list(issue.values)}.`;
    case 'not_multiple_of':
      return `Enter a multiple of ${issue.divisor}.`;
    case 'invalid_union':
      // A discriminated union names the kinds it takes; a plain union's closest option speaks instead (validation.ts).
      return Array.isArray(issue.options) ? `Choose one of: ${list(issue.options)}.` : 'Check this value.';
    case 'unrecognized_keys':
      return `This does not take ${list(issue.keys)}: remove ${issue.keys.length === 1 ? 'it' : 'them'}.`;
    default:
      return 'Check this value.';
  }
}

/** A field as a person names it: the last word of its path, split into words (`validThrough` → "Valid through"). */
export function fieldLabel(path: string): string {
  const last = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop();
  if (!last || /^(body|path|query)$/.test(last)) return 'This request';
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
  const named = numbers.length > 0 ? `entries ${numbers.join(', ')} and ${last}` : `entry ${last}`;
  return `${message} This applies to ${named}.`;
}

/** The API's `detail` for a refused request: each field by its person's name, then what to do. */
export function refusalDetail(issues: ReadonlyArray<{ field: string; message: string }>): string {
  return issues.map((issue) => `${fieldLabel(issue.field)}: ${issue.message}`).join(' ');
}
