// Demo innovation records (innovations.json), loaded through the same use cases people use, so the
// registry log, the ledger and every condition see them as real. The steps of all records run in
// date order with the clock set back, so the log's entries read as they would have happened.
// A record that exists already is skipped with everything about it: a second start adds nothing.
// Co-inventors accept their invitation through the consent use case the day the draft is written,
// before anything is published, except those listed in `unanswered` (a demo invitation to answer).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Services } from '#app/services.ts';
import { recordAdoption } from '#domain/innovations/adopt-innovation.ts';
import { decideReport, reportValue } from '#domain/innovations/adoption-use-cases.ts';
import { decideConsent } from '#domain/innovations/consent-use-cases.ts';
import { holdersInputSchema, innovationInputSchema } from '#domain/innovations/innovation.ts';
import {
  createInnovation,
  publishInnovation,
  startCorrection,
  updateDraft,
} from '#domain/innovations/innovation-use-cases.ts';
import { grantCreditLimit } from '#domain/innovations/ledger-use-cases.ts';
import { parseAccountId } from '#domain/ledger/account.ts';
import { pay } from '#domain/ledger/payment-use-cases.ts';
import { demoSteward } from './people.ts';

const daysAgo = z.number().check(z.int(), z.minimum(0), z.maximum(3650));
const credit = z.number().check(z.int(), z.minimum(0));
const demoSchema = z.strictObject({
  /** Credit the steward granted every demo syndicate and person (but herself) when the instance began. */
  foundingCredit: z.strictObject({ credit, reason: z.string(), daysAgo }),
  creditGrants: z.array(z.strictObject({ syndicateId: z.string(), credit, reason: z.string(), daysAgo })),
  /** A few payments between members and syndicates, so the economy's page has trade to show. */
  payments: z.array(
    z.strictObject({
      from: z.string(),
      to: z.string(),
      amount: z.number().check(z.int(), z.minimum(1)),
      memo: z.string(),
      daysAgo,
    }),
  ),
  records: z.array(
    z.strictObject({
      id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
      author: z.string(),
      createdDaysAgo: daysAgo,
      publishedDaysAgo: z.optional(daysAgo),
      unanswered: z._default(z.array(z.string()), []),
      correction: z.optional(z.strictObject({ daysAgo, changes: z.record(z.string(), z.unknown()) })),
      draft: innovationInputSchema(),
      adoptions: z.array(
        z.strictObject({
          syndicateId: z.string(),
          by: z.string(),
          implementers: holdersInputSchema(),
          note: z.string(),
          daysAgo,
          reports: z.array(
            z.strictObject({
              amount: z.number().check(z.int(), z.minimum(1)),
              daysAgo,
              periodFromDaysAgo: daysAgo,
              periodToDaysAgo: daysAgo,
              method: z.string(),
              /** Another admin of the adopter than the one who adopted it. */
              reportedBy: z.optional(z.string()),
              decision: z.optional(z.enum(['confirm', 'dispute'])),
              decidedDaysAgo: z.optional(daysAgo),
              by: z.optional(z.string()),
              reason: z.optional(z.string()),
            }),
          ),
        }),
      ),
    }),
  ),
});

type SeedServices = Services;
interface Step {
  daysAgo: number;
  /** Order among steps on the same day: a record's own steps keep their order. */
  order: number;
  run: (services: SeedServices) => Promise<void>;
}

const day = 86_400_000;

export async function seedInnovations(
  services: SeedServices,
  accounts: { syndicates: string[]; people: string[] },
): Promise<number> {
  const demo = demoSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, 'innovations.json'), 'utf8')));
  const base = services.now().getTime();
  const at = (days: number, order: number) => new Date(base - days * day + order * 60_000);
  const as = (personId: string) => ({ personId, claimedName: personId });
  const steps: Step[] = [];
  let order = 0;
  const step = (days: number, run: Step['run']) => steps.push({ daysAgo: days, order: order++, run });

  const fresh = await Promise.all(demo.records.map(async (record) => !(await services.innovations.get(record.id))));
  if (fresh.every((isFresh) => !isFresh)) return 0;
  if (fresh.every(Boolean)) {
    // Credit is agreed, not assumed: every grant is the steward's logged decision, as a real one is.
    const grant = (kind: 'person' | 'syndicate', id: string, amount: number, reason: string) => (s: SeedServices) =>
      grantCreditLimit(s, as(demoSteward), { kind, id }, { credit: BigInt(amount), reason }).then(() => undefined);
    const { foundingCredit: founding } = demo;
    for (const id of accounts.syndicates)
      step(founding.daysAgo, grant('syndicate', id, founding.credit, founding.reason));
    for (const id of accounts.people.filter((person) => person !== demoSteward)) {
      step(founding.daysAgo, grant('person', id, founding.credit, founding.reason));
    }
    for (const extra of demo.creditGrants) {
      step(extra.daysAgo, grant('syndicate', extra.syndicateId, extra.credit, extra.reason));
    }
    for (const payment of demo.payments) {
      step(payment.daysAgo, (s) =>
        pay(s, as(payment.from), {
          to: parseAccountId(payment.to, 'to'),
          amount: BigInt(payment.amount),
          memo: payment.memo,
        }).then(() => undefined),
      );
    }
  }

  demo.records.forEach((record, index) => {
    if (!fresh[index]) return;
    step(record.createdDaysAgo, async (s) => {
      const { version } = await createInnovation(s, as(record.author), record.draft, record.id);
      for (const personId of version.invited.filter((id) => !record.unanswered.includes(id))) {
        await decideConsent(s, as(personId), record.id, 'accept');
      }
    });
    if (record.publishedDaysAgo === undefined) return;
    step(record.publishedDaysAgo, (s) => publishInnovation(s, as(record.author), record.id).then(() => undefined));
    if (record.correction) {
      const { changes, daysAgo: when } = record.correction;
      step(when, async (s) => {
        await startCorrection(s, as(record.author), record.id);
        await updateDraft(
          s,
          as(record.author),
          record.id,
          innovationInputSchema().parse({ ...record.draft, ...changes }),
        );
        await publishInnovation(s, as(record.author), record.id);
      });
    }
    for (const adoption of record.adoptions) {
      step(adoption.daysAgo, (s) => recordAdoption(s, adoption.by, record.id, { ...adoption }).then(() => undefined));
      for (const report of adoption.reports) {
        const date = (days: number) => new Date(base - days * day).toISOString().slice(0, 10);
        let reportId = '';
        step(report.daysAgo, async (s) => {
          const input = {
            amount: BigInt(report.amount),
            periodFrom: date(report.periodFromDaysAgo),
            periodTo: date(report.periodToDaysAgo),
            method: report.method,
          };
          const reporter = as(report.reportedBy ?? adoption.by);
          reportId = (await reportValue(s, reporter, record.id, adoption.syndicateId, input)).report.id;
        });
        if (report.decision && report.decidedDaysAgo !== undefined && report.by) {
          const decider = report.by;
          const decision =
            report.decision === 'confirm'
              ? ({ decision: 'confirm' } as const)
              : ({ decision: 'dispute', reason: report.reason ?? 'Disputed.' } as const);
          step(report.decidedDaysAgo, (s) =>
            decideReport(s, as(decider), record.id, reportId, decision).then(() => undefined),
          );
        }
      }
    }
  });

  steps.sort((a, b) => b.daysAgo - a.daysAgo || a.order - b.order);
  for (const { daysAgo: days, order: position, run } of steps) {
    const when = at(days, position);
    await run({ ...services, now: () => when });
  }
  return fresh.filter(Boolean).length;
}
