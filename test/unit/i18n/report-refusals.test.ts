// A value report's refusals (i18n/records/report-refusals.ts): every one in English, Spanish and Dutch,
// each language its own sentence naming what the English names, the status in the reader's words.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type ReportRefusal, reportRefusalIn } from '#domain/i18n/records/report-refusals.ts';

const every: ReportRefusal[] = [
  { key: 'period-order', values: {} },
  { key: 'period-future', values: {} },
  { key: 'reporter', values: {} },
  { key: 'was-disputed', values: {} },
  { key: 'amount-most', values: { most: 100_000_000n } },
  { key: 'self-report', values: { syndicate: 'Riverside Builders' } },
  { key: 'overlaps', values: { from: '2026-01-01', to: '2026-03-31' } },
  { key: 'already-decided', values: { status: 'settled' } },
  { key: 'undecidable', values: {} },
  { key: 'not-confirmed', values: { status: 'pending' } },
  { key: 'by-vote', values: { syndicate: 'Riverside Builders', members: 12 } },
];

describe('a value report’s refusals', () => {
  it('are worded in each language, each its own, naming what they name, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => reportRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toMatch(/undefined/);
        for (const value of Object.values(refusal.values)) {
          if (!('status' in refusal.values)) expect(sentence).toContain(String(value));
        }
      }
    }
  });

  it('say a decided report’s status in the reader’s words', () => {
    const decided = every[7] as ReportRefusal;
    expect(reportRefusalIn(decided, 'en')).toBe('This report is already settled; it can no longer be disputed.');
    expect(reportRefusalIn(decided, 'es')).toBe('Este informe ya está liquidado; ya no se puede impugnar.');
    expect(reportRefusalIn(decided, 'nl')).toBe('Deze melding is al verrekend; ze kan niet meer worden betwist.');
  });

  it('say why an unconfirmed report cannot be settled, its status in the reader’s words', () => {
    const pending = { key: 'not-confirmed', values: { status: 'disputed' } } as const;
    expect(reportRefusalIn(pending, 'en')).toBe('Only a confirmed report can be settled; this one is disputed.');
    expect(reportRefusalIn(pending, 'es')).toBe('Solo se puede liquidar un informe confirmado; este está impugnado.');
    expect(reportRefusalIn(pending, 'nl')).toBe('Alleen een bevestigde melding kan worden verrekend; deze is betwist.');
  });
});
