// Orders' refusals (i18n/economy/order-refusals.ts): every one in English, Spanish and Dutch, each
// language its own sentence naming what the English names, numbers and Bound written as the reader writes them.
import { describe, expect, it } from 'vitest';
import { type OrderRefusal, orderErrorWords, orderRefusalIn, orderWords } from '#domain/i18n/economy/order-refusals.ts';
import { locales } from '#domain/i18n/locales.ts';
import { maxPayment } from '#domain/ledger/amount.ts';
import { orderActions, orderStatuses } from '#domain/orders/order.ts';

const plain = [
  'both-sides',
  'say-why',
  'reason-only-dispute',
  'window-passed',
  'not-your-account',
  'own-offer',
  'from-themselves',
  'takes-no-orders',
  'fewer-units',
  'too-large',
  'no-such-offer',
] as const;

const every: OrderRefusal[] = [
  ...plain.map((key) => ({ key, values: {} }) as OrderRefusal),
  ...orderActions.map((action) => ({ key: 'not-your-step', values: { action } }) as const),
  ...orderStatuses.flatMap((status) =>
    orderActions.map((action) => ({ key: 'cannot-now', values: { status, action } }) as const),
  ),
  ...orderStatuses.map((status) => ({ key: 'changed-meanwhile', values: { status } }) as const),
  { key: 'offer-closed', values: { withdrawn: true } },
  { key: 'offer-closed', values: { withdrawn: false } },
  { key: 'holds', values: { quantity: 1 } },
  { key: 'holds', values: { quantity: 1500 } },
  { key: 'costs-too-much', values: { max: maxPayment } },
  { key: 'not-listed', values: { offerId: 'bike-repair' } },
];

describe('orders’ refusals', () => {
  it('are worded in each language, each its own, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => orderRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('say each step and each status in the reader’s words', () => {
    const refusal: OrderRefusal = { key: 'cannot-now', values: { status: 'delivered', action: 'refund' } };
    expect(orderRefusalIn({ key: 'cannot-now', values: { status: 'ordered', action: 'deliver' } }, 'en')).toBe(
      'This order is ordered: it cannot be delivered now.',
    );
    expect(orderRefusalIn(refusal, 'es')).toBe('Este pedido está entregado: ahora no se puede reembolsar.');
    expect(orderRefusalIn(refusal, 'nl')).toBe('Deze bestelling is geleverd: ze kan nu niet worden terugbetaald.');
    expect(orderRefusalIn({ key: 'changed-meanwhile', values: { status: 'disputed' } }, 'es')).toContain(
      'ahora está en disputa',
    );
    expect(orderRefusalIn({ key: 'not-your-step', values: { action: 'cancel' } }, 'nl')).toBe(
      'Alleen de koper annuleert een bestelling, zolang die op de verkoper wacht.',
    );
  });

  it('write a count and the most one payment moves as the reader writes them', () => {
    expect(orderRefusalIn({ key: 'holds', values: { quantity: 1500 } }, 'en')).toBe(
      'This offer holds 1500 at most: order that many or fewer.',
    );
    expect(orderRefusalIn({ key: 'holds', values: { quantity: 1500 } }, 'es')).toContain('como máximo 1500 unidades');
    expect(orderRefusalIn({ key: 'holds', values: { quantity: 1 } }, 'nl')).toContain('hoogstens 1 eenheid:');
    const costly: OrderRefusal = { key: 'costs-too-much', values: { max: maxPayment } };
    expect(orderRefusalIn(costly, 'en')).toContain('(1000000000000 minor units)');
    expect(orderRefusalIn(costly, 'es')).toContain('(10.000.000.000,00 Bound)');
    expect(orderRefusalIn(costly, 'nl')).toContain('(10.000.000.000,00 Bound)');
  });

  it('name the offer asked for, and whether it was withdrawn or expired', () => {
    expect(orderRefusalIn({ key: 'not-listed', values: { offerId: 'bike-repair' } }, 'nl')).toContain('‘bike-repair’');
    expect(orderRefusalIn({ key: 'offer-closed', values: { withdrawn: true } }, 'es')).toContain('se retiró');
    expect(orderRefusalIn({ key: 'offer-closed', values: { withdrawn: false } }, 'es')).toContain('ha caducado');
  });

  it('give a field issue and an error its English message and its words in the others', () => {
    const refusal: OrderRefusal = { key: 'own-offer', values: {} };
    const { message, wordsIn } = orderWords(refusal);
    expect(message).toBe('This offer is yours (or your syndicate’s): you cannot order it yourself.');
    expect(wordsIn('es')).toBe(orderRefusalIn(refusal, 'es'));
    const [english, options] = orderErrorWords({ key: 'too-large', values: {} });
    expect([english, options.wordsIn('nl')]).toEqual(['The order is too large.', 'De bestelling is te groot.']);
  });
});
