// The log-hours and rate-card forms: which rate-card lines a member may pick (and how each reads), the
// form read into the body the command takes, and the command's refusals placed beside the form's fields.
import { describe, expect, it } from 'vitest';
import type { RateCardEntry } from '#domain/syndicates/syndicate.ts';
import { pageLanguage } from '../../../site/src/lib/i18n.ts';
import { rateCardFromForm, rateRows } from '../../../site/src/lib/rate-card-form.ts';
import { rateOptions, workErrors, workFromForm } from '../../../site/src/lib/work-form.ts';

const bound = (amount: number) => ({ amount, currency: 'BOUND', per: 'hour' });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('the rate lines a member may log hours at', () => {
  it('offers each line in Bound per hour, a skill’s every-level line once per level, unpleasant work at 1.5×', () => {
    const card = [
      { service: 'Sweeping up', rate: bound(1000) },
      { service: 'Carpentry', rate: bound(3000), skillId: 'carpentry' },
      { service: 'Carpentry, proficient', rate: bound(4500), skillId: 'carpentry', level: 'proficient' as const },
      { service: 'Sewers', rate: bound(2001), skillId: 'drains', level: 'working' as const, unpleasant: true },
      { service: 'Plastering', rate: { amount: 4000, currency: 'EUR', per: 'hour' } },
      { service: 'Sweeping up', rate: bound(9999) },
    ];
    expect(rateOptions(card)).toEqual([
      { value: 'service:Sweeping up', label: 'Sweeping up: 10.00 Bound an hour' },
      { value: 'skill:carpentry:foundation', label: 'Carpentry (foundation): 30.00 Bound an hour' },
      { value: 'skill:carpentry:working', label: 'Carpentry (working): 30.00 Bound an hour' },
      { value: 'skill:carpentry:proficient', label: 'Carpentry, proficient: 45.00 Bound an hour' },
      { value: 'skill:drains:working', label: 'Sewers: 30.02 Bound an hour, unpleasant work paid 1.5×' },
    ]);
  });

  it('says each line in the page’s language, a level in its words and Bound as the language writes it', () => {
    const card = [
      { service: 'Carpentry', rate: bound(300000), skillId: 'carpentry', level: undefined },
      { service: 'Sewers', rate: bound(2001), skillId: 'drains', level: 'working' as const, unpleasant: true },
    ];
    expect(rateOptions(card, pageLanguage({ locale: 'es' })).map((option) => option.label)).toEqual([
      'Carpentry (básico): 3000,00 Bound la hora',
      'Carpentry (intermedio): 3000,00 Bound la hora',
      'Carpentry (avanzado): 3000,00 Bound la hora',
      'Sewers: 30,02 Bound la hora, trabajo penoso pagado a 1,5×',
    ]);
    expect(rateOptions(card.slice(1), pageLanguage({ locale: 'nl' }))[0]?.label).toBe(
      'Sewers: 30,02 Bound per uur, onaangenaam werk betaald tegen 1,5×',
    );
  });
});

describe('the log-hours form', () => {
  it.each([
    ['skill:carpentry:working', { skillId: 'carpentry', level: 'working' }],
    ['service:Sweeping: the yard', { service: 'Sweeping: the yard' }],
    ['nonsense', { service: 'nonsense' }],
  ])('reads the rate %s into the body', (rate, fields) => {
    const posted = form({ position: 'riverside/bench-1', rate, date: '2026-11-02', hours: ' 2.5 ', note: 'Framed.' });
    expect(workFromForm(posted).body).toEqual({
      syndicateId: 'riverside',
      for: { kind: 'position', openingId: 'bench-1' },
      date: '2026-11-02',
      hours: '2.5',
      note: 'Framed.',
      ...fields,
    });
  });

  it('shows the rate line’s and the position’s refusals beside those two fields', () => {
    expect(
      workErrors({ skillId: 'no line', level: 'which level', 'for.openingId': 'no position', hours: 'quarters' }),
    ).toEqual({ rate: 'no line', position: 'no position', hours: 'quarters' });
  });
});

describe('the rate-card form', () => {
  it('reads its rows back into the card it showed, leaving out rows without a service', () => {
    const card: RateCardEntry[] = [
      {
        service: 'Sewers',
        rate: { ...bound(2050), per: 'hour' },
        skillId: 'drains',
        level: 'working',
        unpleasant: true,
      },
      { service: 'Sweeping up', rate: { ...bound(1000), per: 'hour' }, unpleasant: false },
    ];
    const fields: Record<string, string> = { rows: '3' };
    rateRows(card).forEach((row, i) => {
      Object.assign(fields, {
        [`service${i}`]: row.service,
        [`amount${i}`]: row.amount,
        [`currency${i}`]: row.currency.toLowerCase(),
        [`per${i}`]: row.per,
        [`skill${i}`]: row.skillId,
        [`level${i}`]: row.level,
        ...(row.unpleasant ? { [`unpleasant${i}`]: 'on' } : {}),
      });
    });
    expect(rateCardFromForm(form(fields)).rateCard).toEqual(card);
  });
});
