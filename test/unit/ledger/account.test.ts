import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import {
  creditLimits,
  isAccountId,
  limitFor,
  parseAccountId,
  personAccount,
  syndicateAccount,
} from '#domain/ledger/account.ts';

describe('account ids', () => {
  it.each(['person:abc', 'syndicate:xyz', 'person:3f2a9c1e-0b7d-4e55-9d7a-2b1c0e9f4a10'])('accepts %s', (id) => {
    expect(isAccountId(id)).toBe(true);
    expect(parseAccountId(id)).toBe(id);
  });

  it.each(['abc', 'person:', 'guild:abc', 'person:a b', `person:${'x'.repeat(129)}`, 'Person:abc'])(
    'refuses %s',
    (id) => {
      expect(isAccountId(id)).toBe(false);
      expect(() => parseAccountId(id)).toThrow(ValidationError);
    },
  );

  it('builds the account of a person and of a syndicate from their ids', () => {
    expect(personAccount('abc')).toBe('person:abc');
    expect(syndicateAccount('xyz')).toBe('syndicate:xyz');
    expect(() => personAccount('')).toThrow(ValidationError);
  });
});

describe('credit limits', () => {
  it('uses the community default unless the account has an override', () => {
    const limits = creditLimits(-100n, [['syndicate:mill', -5000n]]);
    expect(limitFor(limits, 'person:ana')).toBe(-100n);
    expect(limitFor(limits, 'syndicate:mill')).toBe(-5000n);
  });

  it('accepts a plain object without overrides', () => {
    expect(limitFor({ defaultLimit: -7n }, 'person:ana')).toBe(-7n);
  });

  it('refuses limits above zero, naming each', () => {
    try {
      creditLimits(1n, [['person:ana', 5n]]);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
        'defaultLimit',
        'overrides.person:ana',
      ]);
    }
  });
});
