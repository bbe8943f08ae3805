import { englishIssues } from '../../support/issues.ts';
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
import { thrown } from '../../support/thrown.ts';

describe('account ids', () => {
  it.each(['person:abc', 'syndicate:xyz', 'person:3f2a9c1e-0b7d-4e55-9d7a-2b1c0e9f4a10'])('accepts %s', (id) => {
    expect(isAccountId(id)).toBe(true);
    expect(parseAccountId(id)).toBe(id);
  });

  it.each([
    'abc',
    'person:',
    'guild:abc',
    'person:a b',
    `person:${'x'.repeat(129)}`,
    'Person:abc',
    // The whole id must be the pattern, not some part of it: a prefix or a suffix would land in a key.
    'xperson:abc',
    ' person:abc',
    'guild:person:abc',
    'person:abc ',
    'person:abc\n',
    'person:\tabc',
  ])('refuses %s', (id) => {
    expect(isAccountId(id)).toBe(false);
    expect(() => parseAccountId(id)).toThrow(ValidationError);
  });

  it('accepts an id of exactly 128 characters after the prefix', () => {
    expect(isAccountId(`syndicate:${'x'.repeat(128)}`)).toBe(true);
  });

  it('says what an account id must look like, naming the field it came from', () => {
    expect(englishIssues(thrown(() => parseAccountId('guild:abc'), ValidationError).issues)).toEqual([
      { field: 'accountId', message: 'Name an account as "person:<id>" or "syndicate:<id>".' },
    ]);
    expect(englishIssues(thrown(() => parseAccountId('guild:abc', 'body.to'), ValidationError).issues)).toEqual([
      { field: 'body.to', message: 'Name an account as "person:<id>" or "syndicate:<id>".' },
    ]);
    expect(thrown(() => personAccount('a b'), ValidationError).issues[0]?.field).toBe('personId');
    expect(thrown(() => syndicateAccount(''), ValidationError).issues[0]?.field).toBe('syndicateId');
  });

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

  it('holds no overrides unless some are given', () => {
    const limits = creditLimits(-100n);
    expect([...(limits.overrides ?? [])]).toEqual([]);
    expect(limitFor(limits, 'syndicate:mill')).toBe(-100n);
  });

  it('accepts a limit of exactly zero: an account may always stay where it started', () => {
    expect(limitFor(creditLimits(0n, [['person:ana', 0n]]), 'person:ana')).toBe(0n);
  });

  it('accepts a plain object without overrides', () => {
    expect(limitFor({ defaultLimit: -7n }, 'person:ana')).toBe(-7n);
  });

  it('refuses limits above zero, naming each', () => {
    const refusal = thrown(() => creditLimits(1n, [['person:ana', 5n]]), ValidationError);
    expect(refusal.message).toBe('Credit limits must be zero or negative.');
    expect(englishIssues(refusal.issues)).toEqual([
      { field: 'defaultLimit', message: 'Enter 0 or a negative number.' },
      { field: 'overrides.person:ana', message: 'Enter 0 or a negative number.' },
    ]);
  });
});
