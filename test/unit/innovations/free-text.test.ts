// The free text a record, an adoption, a value report, a dispute and a credit grant carry: each field
// names itself when it refuses, so a person knows which box to fix, and only long text keeps a line
// break (a title or a unit is one line; a method or a problem may have paragraphs).
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { adoptionInputSchema, disputeReasonSchema, valueReportInputSchema } from '#domain/innovations/adoption.ts';
import { innovationInputSchema, linkedPeople } from '#domain/innovations/innovation.ts';
import { creditGrantInputSchema } from '#domain/ledger/credit-grant.ts';
import { draftInput, reportInput } from './fixtures.ts';

interface Field {
  /** The form or body the field is part of. */
  schema: () => z.ZodMiniType;
  /** A valid input with the field set to `value`. */
  input: (value: string) => unknown;
  /** Where the refusal points. */
  path: string;
  /** How the refusal names the field. */
  label: string;
  /** Whether a line break is kept (long text) or refused (one line). */
  multiline: boolean;
  /** Visible characters the field needs. */
  min: number;
}

const draft = draftInput([{ personId: 'ana' }]);
const adoption = { syndicateId: 'fixers', implementers: [{ personId: 'ben' }], note: '' };

const fields: Field[] = [
  {
    schema: innovationInputSchema,
    input: (title) => ({ ...draft, title }),
    path: 'title',
    label: 'title',
    multiline: false,
    min: 5,
  },
  {
    schema: innovationInputSchema,
    input: (problem) => ({ ...draft, problem }),
    path: 'problem',
    label: 'problem',
    multiline: true,
    min: 20,
  },
  {
    schema: innovationInputSchema,
    input: (unit) => ({ ...draft, effect: { ...draft.effect, unit } }),
    path: 'effect.unit',
    label: 'unit',
    multiline: false,
    min: 1,
  },
  {
    schema: innovationInputSchema,
    input: (method) => ({ ...draft, effect: { ...draft.effect, method } }),
    path: 'effect.method',
    label: 'method',
    multiline: true,
    min: 10,
  },
  {
    schema: innovationInputSchema,
    input: (personId) => ({ ...draft, inventors: [{ personId }] }),
    path: 'inventors.0.personId',
    label: 'person id',
    multiline: false,
    min: 1,
  },
  {
    schema: adoptionInputSchema,
    input: (note) => ({ ...adoption, note }),
    path: 'note',
    label: 'note',
    multiline: true,
    min: 0,
  },
  {
    schema: valueReportInputSchema,
    input: (method) => ({ ...reportInput(100), method }),
    path: 'method',
    label: 'method',
    multiline: true,
    min: 10,
  },
  { schema: disputeReasonSchema, input: (reason) => reason, path: '', label: 'reason', multiline: true, min: 10 },
  {
    schema: creditGrantInputSchema,
    input: (reason) => ({ credit: 1000, reason }),
    path: 'reason',
    label: 'reason',
    multiline: true,
    min: 10,
  },
];

/** What a refusal says, as `path: message`. */
const refusals = (field: Field, value: string) =>
  field
    .schema()
    .safeParse(field.input(value))
    .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

const twoLines = (field: Field) => `${'a'.repeat(Math.max(field.min, 1))}\nsecond line`;

const named = (list: Field[]) => list.map((field) => [`${field.path || 'dispute'} (${field.label})`, field] as const);

describe.each(named(fields))('the free-text field %s', (_name, field) => {
  it('names itself in the refusal of a value too long for it', () => {
    expect(refusals(field, 'x'.repeat(5000))).toEqual([
      expect.stringMatching(new RegExp(`^${field.path}: The ${field.label} can have at most `)),
    ]);
  });
});

describe.each(named(fields.filter((field) => field.multiline)))('the long-text field %s', (_name, field) => {
  it('keeps the line breaks of its paragraphs', () => {
    expect(refusals(field, twoLines(field))).toBeUndefined();
  });
});

describe.each(named(fields.filter((field) => !field.multiline)))('the one-line field %s', (_name, field) => {
  it('refuses a line break, naming the field', () => {
    expect(refusals(field, twoLines(field))).toEqual([
      `${field.path}: The ${field.label} must be a single line; remove the line break.`,
    ]);
  });
});

describe('the evidence links of a draft', () => {
  it('are kept as the URL parser writes them, so what a reader sees is what a browser follows', () => {
    const parsed = innovationInputSchema().parse({
      ...draft,
      evidence: ['HTTPS://Example.ORG/a b', 'https://example.org/\u202Eevil'],
    });
    expect(parsed.evidence).toEqual(['https://example.org/a%20b', 'https://example.org/%E2%80%AEevil']);
  });
});

describe('the people who find a record among their own', () => {
  it('are its inventors and the people a draft names, each once', () => {
    expect(linkedPeople({ inventorIds: ['ana', 'ben'], draftPeopleIds: ['ben', 'cai'] })).toEqual([
      'ana',
      'ben',
      'cai',
    ]);
  });

  it('are its inventors alone when no draft names anyone', () => {
    expect(linkedPeople({ inventorIds: ['ana'], draftPeopleIds: undefined })).toEqual(['ana']);
  });
});
