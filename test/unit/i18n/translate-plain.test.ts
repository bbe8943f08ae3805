// A refusal's sentence, said in the reader's language, from the one set of templates zod's refusals use.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fieldLabelIn, refusalDetailIn, translatePlain } from '#domain/i18n/translate-plain.ts';
import { plainEn, type PlainKey } from '#domain/i18n/plain-en.ts';
import { plainEs } from '#domain/i18n/plain-es.ts';
import { plainNl } from '#domain/i18n/plain-nl.ts';
import { eachEntry, say } from '#domain/plain-words.ts';
import { collectIssues } from '#domain/validation.ts';
import type { FieldIssue } from '#domain/errors.ts';

const samples: Record<string, string> = {
  count: '5',
  limit: '10',
  prefix: 'https://',
  value: 'open',
  values: 'hour, day, week',
  divisor: '5',
  keys: 'balance, owner',
};
const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => samples[name] ?? '');

describe('plain words in every language', () => {
  const keys = (Object.keys(plainEn) as PlainKey[]).filter((key) => key !== 'entry' && key !== 'entries');

  it.each(keys)('says the %s sentence in Spanish and Dutch with the same values', (key) => {
    const english = fill(plainEn[key]);
    expect(translatePlain(english, 'es')).toBe(fill(plainEs[key]));
    expect(translatePlain(english, 'nl')).toBe(fill(plainNl[key]));
    expect(translatePlain(english, 'en')).toBe(english);
  });

  it('says zod’s own refusals in Spanish: a short title, a missing field, a wrong choice', () => {
    const schema = z.object({
      title: z.string().check(z.minLength(5)),
      per: z.enum(['hour', 'day']),
      hours: z.number(),
    });
    const result = schema.safeParse({ title: 'abc', per: 'year' });
    const issues: FieldIssue[] = [];
    collectIssues(result.error?.issues ?? [], ['body'], issues);
    expect(issues.map((issue) => translatePlain(issue.message, 'es'))).toEqual([
      'Necesita al menos 5 caracteres.',
      'Elige una de estas opciones: hour, day.',
      'Rellena este campo.',
    ]);
  });

  it('says once which entries of a list are refused, the list in the reader’s words', () => {
    expect(translatePlain(eachEntry(say('atLeastCharacters', { count: 20 }), [0, 1, 2]), 'es')).toBe(
      'Necesita al menos 20 caracteres. Afecta a las entradas 1, 2 y 3.',
    );
    expect(translatePlain(eachEntry(say('fillIn'), [3]), 'nl')).toBe('Vul dit in. Dit geldt voor regel 4.');
  });

  it('leaves a sentence no template wrote as it was written, not half translated', () => {
    expect(translatePlain('Enter the date the work ended.', 'es')).toBe('Enter the date the work ended.');
    expect(translatePlain('The profile changed since it was read.', 'nl')).toBe(
      'The profile changed since it was read.',
    );
  });

  it('names a field in the reader’s language, keeping the English name for a field it does not know', () => {
    expect(fieldLabelIn('body.hoursPerWeek', 'es')).toBe('Horas por semana');
    expect(fieldLabelIn('pay.0.amount', 'nl')).toBe('Bedrag');
    expect(fieldLabelIn('body', 'es')).toBe('Esta petición');
    expect(fieldLabelIn('body.rateCardVersion', 'es')).toBe('Rate card version');
    expect(fieldLabelIn('body.hoursPerWeek', 'en')).toBe('Hours per week');
  });

  it('writes the API’s detail in the reader’s language, field by field', () => {
    const issues = [
      { field: 'body.title', message: say('atLeastCharacters', { count: 5 }) },
      { field: 'body.positions', message: say('wholeNumber') },
    ];
    expect(refusalDetailIn(issues, 'es')).toBe(
      'Título: Necesita al menos 5 caracteres. Puestos: Escribe un número entero; por ejemplo, 12.',
    );
  });
});
