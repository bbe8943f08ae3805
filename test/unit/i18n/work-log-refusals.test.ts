// Logged hours' refusals (i18n/work/work-log-refusals.ts): every one in English, Spanish and Dutch, each
// language its own sentence naming what the English names, numbers written as the reader writes them.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type WorkLogRefusal, workLogRefusalIn, workLogWords } from '#domain/i18n/work/work-log-refusals.ts';

const every: WorkLogRefusal[] = [
  { key: 'not-a-member', values: {} },
  { key: 'no-position', values: {} },
  { key: 'future-date', values: {} },
  { key: 'not-admin', values: {} },
  { key: 'own-hours', values: {} },
  { key: 'day-full', values: { logged: 20.5, date: '2026-10-01', most: 24 } },
  { key: 'decided', values: { status: 'approved' } },
  { key: 'decided', values: { status: 'rejected' } },
];

describe('logged hours’ refusals', () => {
  it('are worded in each language, each its own, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => workLogRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined|NaN/);
    }
  });

  it('write a day’s hours with the reader’s decimal mark, the date as sent', () => {
    const full = every[5] as WorkLogRefusal;
    expect(workLogRefusalIn(full, 'en')).toBe(
      'You have logged 20.5 hours for 2026-10-01 already; a day holds at most 24.',
    );
    expect(workLogRefusalIn(full, 'es')).toContain('20,5 horas registradas el 2026-10-01');
    expect(workLogRefusalIn(full, 'nl')).toContain('voor 2026-10-01 al 20,5 uur');
  });

  it('say a decided log’s status in the reader’s words', () => {
    expect(workLogRefusalIn(every[6] as WorkLogRefusal, 'es')).toContain('aprobaron');
    expect(workLogRefusalIn(every[7] as WorkLogRefusal, 'nl')).toContain('afgewezen');
  });

  it('give an error its English message and its words in the others', () => {
    const { message, wordsIn } = workLogWords({ key: 'own-hours', values: {} });
    expect(message).toBe('You cannot approve or reject your own hours: another admin of the syndicate must.');
    expect(wordsIn('es')).toBe(workLogRefusalIn({ key: 'own-hours', values: {} }, 'es'));
  });
});
