// A payment checks the commons' credit policy: an account without a grant of its own may go down to
// the policy's default or the tier it has earned, and a policy enacted while a payment is planned is
// never checked stale.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { logSignerFromJwk } from '#domain/innovations/log-head.ts';
import type { StoredCreditPolicy } from '#domain/ledger/credit-policy.ts';
import { type PaymentDependencies, pay } from '#domain/ledger/payment-use-cases.ts';
import { CreditLimitError } from '#domain/ledger/transfer.ts';
import { newPerson } from '#domain/people/person.ts';
import { memoryLedger, memoryRegistryLog } from '../../support/memory-ledger.ts';
import { memoryPayments } from '../../support/memory-payments.ts';
import { memorySyndicates } from '../../support/memory-syndicates.ts';
import { perTest } from '../../support/per-test.ts';
import { memoryPeople } from '../../support/services.ts';
import { rejected } from '../../support/thrown.ts';

const instanceKey = perTest(() => generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
const start = Date.parse('2027-01-10T00:00:00.000Z');
const day = 86_400_000;

const policy = (version: number, defaultCredit: bigint, tiers: StoredCreditPolicy['tiers'] = []) => ({
  defaultCredit,
  tiers,
  version,
  proposalId: `p${version}`,
  enactedAt: '2027-01-01T00:00:00.000Z',
  logIndex: 0,
});

/** Ada and Bram, neither with a grant; the clock is `clock.now`, moved by the test. */
function world() {
  const registryLog = memoryRegistryLog();
  const ledger = memoryLedger(registryLog);
  const clock = { now: start };
  let n = 0;
  const deps: PaymentDependencies = {
    ledger,
    registryLog,
    payments: memoryPayments(registryLog, ledger),
    syndicates: memorySyndicates(),
    people: memoryPeople(['ada', 'bram'].map((id) => newPerson({ id, name: id, createdAt: '2027-01-01T00:00:00Z' }))),
    logSigner: logSignerFromJwk(instanceKey()),
    now: () => new Date(clock.now),
    newId: () => `id${++n}`,
  };
  const payAda = (amount: bigint) => pay(deps, { personId: 'ada' }, { to: 'person:bram', amount, memo: 'Tools' });
  const balance = (id: 'ada' | 'bram') => ledger.account(`person:${id}`)?.balance ?? 0n;
  return { deps, ledger, clock, payAda, balance };
}

describe('a payment under the commons’ credit policy', () => {
  it('lets an account without a grant go down to the policy’s default and not one minor unit further', async () => {
    const { ledger, payAda, balance } = world();
    ledger.setPolicy(policy(1, 5000n));
    await payAda(4999n);
    await payAda(1n);
    await rejected(() => payAda(1n), CreditLimitError);
    expect(balance('ada')).toBe(-5000n);
  });

  it('keeps an account at zero while no policy has been voted', async () => {
    const { payAda, balance } = world();
    await rejected(() => payAda(1n), CreditLimitError);
    expect(balance('ada')).toBe(0n);
  });

  it('lets an account with a grant of its own use the grant, not the policy', async () => {
    const { ledger, payAda } = world();
    ledger.setPolicy(policy(1, 5000n));
    ledger.seed({ accountId: 'person:ada', balance: 0n, creditLimit: -100n });
    await rejected(() => payAda(101n), CreditLimitError);
    await payAda(100n);
  });

  it('records the first trade once, and gives the tier earned months after it', async () => {
    const { ledger, clock, payAda, balance } = world();
    ledger.setPolicy(policy(1, 1000n, [{ months: 3, credit: 9000n }]));
    await payAda(10n);
    const first = ledger.account('person:ada')?.firstTradeAt;
    expect(first).toBe(new Date(start).toISOString());
    expect(ledger.account('person:bram')?.firstTradeAt).toBe(first);
    clock.now = start + 40 * day;
    await rejected(() => payAda(991n), CreditLimitError);
    await payAda(990n);
    expect(ledger.account('person:ada')?.firstTradeAt).toBe(first);
    clock.now = Date.parse('2027-04-10T00:00:00.000Z');
    await payAda(8000n);
    expect(balance('ada')).toBe(-9000n);
    await rejected(() => payAda(1n), CreditLimitError);
  });

  it('names the policy’s version it read and the floor its limit gives, grant or policy', async () => {
    const { deps, ledger } = world();
    ledger.setPolicy(policy(4, 5000n));
    const versions: Array<number | null> = [];
    const watched: PaymentDependencies = {
      ...deps,
      payments: {
        ...deps.payments,
        pay: (write, log) => {
          versions.push(write.payer.policyVersion);
          expect(write.payer.floor).toBe(write.payer.limitSeen === null ? -5000n + write.payer.amount : -100n + 1n);
          return deps.payments.pay(write, log);
        },
      },
    };
    await pay(watched, { personId: 'ada' }, { to: 'person:bram', amount: 7n, memo: 'Tools' });
    ledger.seed({ accountId: 'person:bram', balance: 7n, creditLimit: -100n });
    await pay(watched, { personId: 'bram' }, { to: 'person:ada', amount: 1n, memo: 'Back' });
    expect(versions).toEqual([4, 4]);
  });

  it('is planned again when the policy changes between its read and its write, and checks the new one', async () => {
    const { deps, ledger, balance } = world();
    ledger.setPolicy(policy(1, 5000n));
    let first = true;
    const racing: PaymentDependencies = {
      ...deps,
      payments: {
        ...deps.payments,
        pay: (write, log) => {
          // A vote lowers the default after the payment read the old one: the write must not land.
          if (first) ledger.setPolicy(policy(2, 100n));
          first = false;
          return deps.payments.pay(write, log);
        },
      },
    };
    const paying = () => pay(racing, { personId: 'ada' }, { to: 'person:bram', amount: 3000n, memo: 'Tools' });
    await rejected(paying, CreditLimitError);
    expect(balance('ada')).toBe(0n);
    await pay(racing, { personId: 'ada' }, { to: 'person:bram', amount: 100n, memo: 'Tools' });
    expect(balance('ada')).toBe(-100n);
  });
});
