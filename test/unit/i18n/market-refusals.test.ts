// The market's refusals (i18n/economy/market-refusals.ts): every one in English, Spanish and Dutch, each
// language its own sentence naming what the English names, days written as the reader writes them.
import { describe, expect, it } from 'vitest';
import {
  type MarketRefusal,
  marketErrorWords,
  marketRefusalIn,
  marketWords,
} from '#domain/i18n/economy/market-refusals.ts';
import { locales } from '#domain/i18n/locales.ts';

const every: MarketRefusal[] = [
  ...(['place', 'labour-skill', 'listing-fields', 'offer-price', 'want-hours'] as const).map(
    (key) => ({ key, values: {} }) as MarketRefusal,
  ),
  { key: 'expiry', values: { today: '2026-12-07', days: 365, last: '2027-12-07' } },
  { key: 'unknown-skill', values: { skillId: 'welding' } },
  { key: 'skill-twice', values: { skillId: 'welding' } },
  { key: 'not-yours', values: { field: 'body.seller' } },
  ...(['withdrawn', 'expired', 'fulfilled'] as const).flatMap((status) =>
    (['offer', 'want'] as const).map((side) => ({ key: 'closed', values: { side, status } }) as const),
  ),
  { key: 'service-syndicate', values: {} },
  { key: 'card-rate-price', values: {} },
  { key: 'price-needed', values: {} },
  { key: 'hours-quantity', values: {} },
  { key: 'hours-needed', values: {} },
  { key: 'no-service', values: { syndicate: 'Riverside Builders', service: 'plastering' } },
  { key: 'card-per', values: { per: 'day' } },
  { key: 'card-unit', values: { per: 'job' } },
  { key: 'card-currency', values: { currency: 'EUR' } },
  { key: 'hours-most', values: { most: 1000 } },
];

describe('the market’s refusals', () => {
  it('are worded in each language, each its own, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => marketRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined|NaN/);
    }
  });

  it('write the days a listing may last to as the reader writes them', () => {
    const expiry = every[5] as MarketRefusal;
    expect(marketRefusalIn(expiry, 'en')).toBe(
      'Choose a last day from today (2026-12-07) to 365 days from now (2027-12-07).',
    );
    expect(marketRefusalIn(expiry, 'es')).toBe(
      'Elige un último día entre hoy (7 de diciembre de 2026) y dentro de 365 días (7 de diciembre de 2027).',
    );
    expect(marketRefusalIn(expiry, 'nl')).toContain('(7 december 2026)');
  });

  it('name the skill, the field, the side and its status', () => {
    expect(marketRefusalIn({ key: 'unknown-skill', values: { skillId: 'welding' } }, 'es')).toContain('«welding»');
    expect(marketRefusalIn({ key: 'not-yours', values: { field: 'body.buyer' } }, 'nl')).toContain('(body.buyer ');
    expect(marketRefusalIn({ key: 'closed', values: { side: 'want', status: 'fulfilled' } }, 'es')).toBe(
      'Esta demanda ya está cubierta; ya no cambia más.',
    );
    expect(marketRefusalIn({ key: 'closed', values: { side: 'offer', status: 'expired' } }, 'nl')).toBe(
      'Dit aanbod is al verlopen; er verandert niets meer aan.',
    );
  });

  it('give a field issue and an error its English message and its words in the others', () => {
    const { message, wordsIn } = marketWords({ key: 'place', values: {} });
    expect(message).toBe('Say where it is, or mark it as remote.');
    expect(wordsIn('nl')).toBe(marketRefusalIn({ key: 'place', values: {} }, 'nl'));
    const [english, options] = marketErrorWords({ key: 'offer-price', values: {} });
    expect([english, options.wordsIn('es')]).toEqual([
      'The offer’s price cannot be set so.',
      'El precio de la oferta no se puede fijar así.',
    ]);
  });

  it('word an offer’s price and a want’s hours with the syndicate, service, unit and hours they name', () => {
    const service = { key: 'no-service', values: { syndicate: 'Riverside Builders', service: 'plastering' } } as const;
    expect(marketRefusalIn(service, 'en')).toBe('Riverside Builders’ rate card has no service "plastering".');
    for (const locale of locales) expect(marketRefusalIn(service, locale)).toMatch(/Riverside Builders.*"plastering"/);
    const per = { key: 'card-per', values: { per: 'day' } } as const;
    expect(marketRefusalIn(per, 'en')).toContain('prices this service per day; an offer is priced per hour');
    expect(marketRefusalIn(per, 'es')).toContain('por día');
    expect(marketRefusalIn(per, 'nl')).toContain('per dag');
    const unit = { key: 'card-unit', values: { per: 'job' } } as const;
    expect(marketRefusalIn(unit, 'es')).toContain('por encargo');
    expect(marketRefusalIn(unit, 'nl')).toContain('per klus');
    for (const locale of locales)
      expect(marketRefusalIn({ key: 'card-currency', values: { currency: 'EUR' } }, locale)).toContain('EUR');
    const most = { key: 'hours-most', values: { most: 1000 } } as const;
    expect(marketRefusalIn(most, 'en')).toBe('One want asks at most 1000 hours.');
    expect(marketRefusalIn(most, 'es')).toContain('1000 horas');
    expect(marketRefusalIn(most, 'nl')).toContain('1.000 uur');
  });
});
