// Wrong values for any zod/mini schema, read from its definition: for each kind of mistake a person or
// a client makes (a wrong type, too short, too long, a malformed value, out of range, left out), a
// value of the schema's shape with that mistake in every field, and three wrong entries in every list,
// so every check a schema has gets its chance to refuse and every refusal can be read.
import type * as z from 'zod/mini';

export const mistakes = ['wrong type', 'too short', 'too long', 'malformed', 'out of range', 'left out'] as const;
export type Mistake = (typeof mistakes)[number];

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown) => (schema as z.ZodMiniType)._zod.def as unknown as Def;

const leaves: Record<string, Record<Mistake, unknown>> = {
  string: {
    'wrong type': 12345,
    'too short': '',
    'too long': 'x'.repeat(30_000),
    malformed: '!! not/valid ^$ 12.5.x',
    'out of range': '   ',
    'left out': undefined,
  },
  number: {
    'wrong type': 'twelve',
    'too short': -1,
    'too long': 1e21,
    malformed: 1.5,
    'out of range': 0,
    'left out': undefined,
  },
  boolean: {
    'wrong type': 'yes',
    'too short': 0,
    'too long': 'true!',
    malformed: 'on',
    'out of range': 2,
    'left out': undefined,
  },
};

/** A value of `schema`'s shape carrying `mistake` wherever it can. */
export function wrongValue(schema: unknown, mistake: Mistake, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 8) return 'x';
  const inner = (key: string) => wrongValue(def[key], mistake, depth + 1);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return leaves[def.type]?.[mistake];
    case 'bigint':
      return leaves.number?.[mistake];
    case 'enum':
    case 'literal':
      return mistake === 'wrong type' ? 7 : mistake === 'left out' ? undefined : 'not-one-of-these';
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'lazy':
      return wrongValue((def.getter as () => unknown)(), mistake, depth + 1);
    case 'array': {
      if (mistake === 'wrong type') return 'a list, but as text';
      if (mistake === 'too short') return [];
      const entry = inner('element');
      return Array.from({ length: mistake === 'too long' ? 400 : 3 }, () => entry);
    }
    case 'object': {
      if (mistake === 'wrong type') return 'an object, but as text';
      const shape = def.shape as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, wrongValue(field, mistake, depth + 1)]),
      );
    }
    case 'record':
      return mistake === 'wrong type' ? 'x' : { 'not a key': inner('valueType') };
    case 'union': {
      const options = def.options as unknown[];
      return wrongValue(options[mistakes.indexOf(mistake) % options.length], mistake, depth + 1);
    }
    default:
      return mistake === 'left out' ? undefined : 'x';
  }
}

// What a person must never read: a pattern, a numbered path, or the parser's own words.
const developerOutput = [
  /\/\^|\$\/|\\d|\[[A-Za-z0-9]-[A-Za-z0-9]|\(\?:/,
  /[A-Za-z_]\.\d+\b|\[\d+\]/,
  /invalid input|\bexpected\b|\breceived\b/i,
  /Too small|Too big|Invalid (string|option|number)|Unrecognized key/,
];

/**
 * The part of `message` that is developer output, or undefined when it reads as plain words. The words
 * are looked for outside the values a person may send, which can hold them (`order-received`, a box
 * named `received`): hyphenated names, and the choices listed after "one of:".
 */
export function developerWords(message: string): string | undefined {
  const [pattern, numberedPath, words, zodWords] = developerOutput;
  const prose = message.replace(/one of: [^.]*\./g, '').replace(/\w+(?:-\w+)+/g, '');
  return (
    pattern?.exec(message)?.[0] ??
    numberedPath?.exec(message)?.[0] ??
    words?.exec(prose)?.[0] ??
    zodWords?.exec(message)?.[0]
  );
}

/** The part of a field's name as shown to a person that is developer output: a pattern or a number path. */
export function developerLabel(label: string): string | undefined {
  return (
    developerOutput[0]?.exec(label)?.[0] ??
    developerOutput[1]?.exec(label)?.[0] ??
    (/\d/.test(label) ? label : undefined)
  );
}
