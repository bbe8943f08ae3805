import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { FieldIssue } from '#domain/errors.ts';
import { ValidationError } from '#domain/errors.ts';
import { eachEntry, fieldLabel, plural, possessive } from '#domain/plain-words.ts';
import { parseInto } from '#domain/validation.ts';

const refusal = (schema: z.ZodMiniType, value: unknown) => {
  const issues: FieldIssue[] = [];
  parseInto(schema, value, 'body', issues);
  return issues;
};
const messageFor = (schema: z.ZodMiniType, value: unknown) =>
  refusal(z.object({ v: schema }), { v: value })[0]?.message;

describe('plain words for refused values', () => {
  it.each([
    ['a missing field', z.string(), undefined, 'Fill this in.'],
    ['an empty required text', z.string().check(z.minLength(1)), '', 'Fill this in.'],
    ['a too short text', z.string().check(z.minLength(5)), 'abc', 'Needs at least 5 characters.'],
    ['a too long text', z.string().check(z.maxLength(3)), 'abcd', 'Use at most 3 characters.'],
    ['text sent as a number', z.string(), 12, 'Enter this as text.'],
    ['a whole number sent as text', z.int(), '12', 'Enter a whole number, for example 12.'],
    ['a fraction where a whole number goes', z.int(), 1.5, 'Enter a whole number, for example 12.'],
    ['a number sent as text', z.number(), 'twelve', 'Enter a number, for example 12.50.'],
    ['a number below the least', z.number().check(z.minimum(1)), 0, 'Enter 1 or more.'],
    ['a number not above zero', z.int().check(z.positive()), 0, 'Enter more than 0.'],
    ['a number above the most', z.int().check(z.maximum(80)), 81, 'Enter 80 or less.'],
    ['too few items', z.array(z.string()).check(z.minLength(2)), ['a'], 'Needs at least 2 items.'],
    ['too many items', z.array(z.string()).check(z.maxLength(1)), ['a', 'b'], 'Use at most 1 item.'],
    ['a list sent as text', z.array(z.string()), 'a', 'Give a list of values.'],
    ['a choice outside the list', z.enum(['full-time', 'part-time']), 'weekly', 'Choose one of: full-time, part-time.'],
    ['a malformed date', z.iso.date(), '31/03/2026', 'Enter a date as year-month-day, for example 2026-03-31.'],
    ['a malformed email', z.email(), 'me', 'Enter an email address, for example name@example.org.'],
    [
      'text that fails a pattern with no message',
      z.string().check(z.regex(/^\d+$/)),
      'x',
      'Check this is written the way the form shows.',
    ],
    ['a yes or no sent as text', z.boolean(), 'yes', 'Choose yes or no.'],
  ])('says what to do about %s', (_, schema, value, sentence) => {
    expect(messageFor(schema as z.ZodMiniType, value)).toBe(sentence);
  });

  it('keeps a schema’s own sentence', () => {
    expect(
      messageFor(z.string().check(z.regex(/^[A-Z]{2}$/, 'Use a two-letter country code, such as NL.')), 'nl'),
    ).toBe('Use a two-letter country code, such as NL.');
  });

  it('names a field the way a person would', () => {
    expect(fieldLabel('body.validThrough')).toBe('Valid through');
    expect(fieldLabel('body.pay.0.amount')).toBe('Amount');
    expect(fieldLabel('query.hoursPerWeek')).toBe('Hours per week');
    expect(fieldLabel('body')).toBe('This request');
  });

  it('says the refused fields by name in the API’s detail', () => {
    const error = new ValidationError([
      { field: 'body.validThrough', message: 'Fill this in.' },
      { field: 'body.title', message: 'Needs at least 5 characters.' },
    ]);
    expect(error.message).toBe('Valid through: Fill this in. Title: Needs at least 5 characters.');
  });
});

describe('a list with the same fault in several entries', () => {
  const evidence = z.object({ evidence: z.array(z.string().check(z.minLength(5))) });

  it('reports once on the list, naming the entries', () => {
    expect(refusal(evidence, { evidence: ['one', 'two', 'long enough', 'six'] })).toEqual([
      { field: 'body.evidence', message: 'Needs at least 5 characters. This applies to entries 1, 2 and 4.' },
    ]);
  });

  it('keeps a single faulty entry at its own place so a form can mark that row', () => {
    expect(refusal(evidence, { evidence: ['long enough', 'two'] })).toEqual([
      { field: 'body.evidence.1', message: 'Needs at least 5 characters.' },
    ]);
  });

  it('keeps different faults of the entries apart', () => {
    const pay = z.object({ pay: z.array(z.object({ amount: z.int(), per: z.enum(['hour', 'day']) })) });
    expect(
      refusal(pay, {
        pay: [
          { amount: 'x', per: 'week' },
          { amount: 'y', per: 'day' },
        ],
      }),
    ).toEqual([
      { field: 'body.pay.amount', message: 'Enter a whole number, for example 12. This applies to entries 1 and 2.' },
      { field: 'body.pay.0.per', message: 'Choose one of: hour, day.' },
    ]);
  });

  it('names one entry in the singular', () => {
    expect(eachEntry('Fill this in.', [2])).toBe('Fill this in. This applies to entry 3.');
  });
});

describe('counts and names in sentences', () => {
  it.each([
    [1, 'position', '1 position'],
    [2, 'position', '2 positions'],
    [0, 'opening', '0 openings'],
  ])('agrees %i with %s', (count, word, said) => {
    expect(plural(count, word)).toBe(said);
  });

  it('says a person’s plural', () => {
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(3, 'person', 'people')).toBe('3 people');
  });

  it.each([
    ['Riverside', 'Riverside’s'],
    ['Riverside Builders', 'Riverside Builders’'],
    ['Ana', 'Ana’s'],
  ])('writes the possessive of %s as %s', (name, said) => {
    expect(possessive(name)).toBe(said);
  });
});

describe('fields a schema does not take', () => {
  it('names each unknown field on its own path in a request', () => {
    expect(refusal(z.strictObject({ title: z.string() }), { title: 'x', balance: 5 })).toEqual([
      { field: 'body.balance', message: 'This request does not take this field.' },
    ]);
  });

  it('names the unknown fields in the sentence where there is no path to carry them', () => {
    const issues = z.strictObject({}).safeParse({ colour: 'red', size: 2 }).error?.issues;
    expect(issues?.[0]?.message).toBe('This does not take colour, size: remove them.');
  });
});
