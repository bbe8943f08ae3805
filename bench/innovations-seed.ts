// Generated innovation, ledger and registry-log data for `npm run bench:innovations`, written with
// BatchWriteItem (25 items a call, several calls in flight) from the same pure item builders the
// adapters use, so what the routes read is shaped exactly as production writes it.
//
// The data grows in stages: `grow(target)` adds what is missing to reach the target sizes, so one run
// measures at 1,000 and then at full size on the same table.
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { logAppendItems } from '#adapters/dynamodb/innovation-items.ts';
import {
  accountKeys,
  adoptionKeys,
  innovationKeys,
  innovationVersionKeys,
  ledgerEntryKeys,
  membershipKeys,
  syndicateKeys,
  valueReportKeys,
} from '#adapters/dynamodb/keys.ts';
import type { Commons } from '#domain/content/commons.ts';
import type { Adoption, ValueReport } from '#domain/innovations/adoption.ts';
import type { InnovationRecord, InnovationVersion } from '#domain/innovations/innovation.ts';
import type { LedgerEntry } from '#domain/innovations/innovation-repository.ts';
import type { LogEvent } from '#domain/innovations/log-events.ts';
import { emptyHead, type LogHead, type LogSigner, prepareAppend } from '#domain/innovations/log-head.ts';

export interface Sizes {
  records: number;
  ledgerEntries: number;
  logEntries: number;
  accounts: number;
}

/** The lists the measured routes read, and who they belong to. */
export const hot = {
  syndicate: 'bench-big',
  person: 'bench-person',
  record: 'bench-rec-0000000',
};

/**
 * The hot entities' lists hold more than two pages of 20 already in the 1,000-scale data, so a route's
 * reads at 1k and at full size compare full pages with full pages: a row whose first page was short at
 * 1k only showed the page filling up, not the table growing. The hot record's first 41 settled reports,
 * log entries (one in 40 of the first 1,640, one in 200 after) and registry records of the first skill;
 * the hot person's first 1,001 incoming transfers (a CSV page of a statement holds 1,000 lines); and, in
 * bench/scale.ts, the hot person's applications (to the first 41 openings, then one in 500).
 */
export const pageFill = 41;
const csvPageFill = 1001;

type Item = Record<string, unknown>;

/** The words of generated innovation titles (bench/search-engine-scale.ts builds the same records). */
export const words = [
  'triage',
  'card',
  'bench',
  'route',
  'handover',
  'timber',
  'lime',
  'plaster',
  'shift',
  'checklist',
  'sourdough',
  'batch',
  'solar',
  'panel',
  'repair',
  'kitchen',
  'prep',
  'rota',
  'cargo',
  'bike',
];

/** A small deterministic generator, so two runs write the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function createSeeder(
  client: DynamoDBDocumentClient,
  tableName: string,
  commons: Pick<Commons, 'skills' | 'practices'>,
  signer: LogSigner,
  /** Told of every batch of items written (bench:scale indexes the published versions for search). */
  onWrite: (items: Item[]) => void = () => undefined,
) {
  const rand = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const skills = [...commons.skills.keys()];
  const practices = [...commons.practices.keys()];
  const written: Sizes = { records: 0, ledgerEntries: 0, logEntries: 0, accounts: 0 };
  let head: LogHead = emptyHead();
  const balances = new Map<string, bigint>();
  const base = Date.UTC(2026, 0, 1);
  const at = (n: number) => new Date(base + n * 1000).toISOString();

  async function writeAll(items: Item[], inFlight = 6) {
    onWrite(items);
    const batches: Item[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    let next = 0;
    async function worker() {
      while (next < batches.length) {
        let requests = (batches[next++] ?? []).map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; requests.length > 0; attempt++) {
          const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
          requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
          if (requests.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
        }
      }
    }
    await Promise.all(Array.from({ length: inFlight }, worker));
  }

  function recordItems(n: number): Item[] {
    const id = n === 0 ? hot.record : `bench-rec-${String(n).padStart(7, '0')}`;
    const title = `${pick(words)} ${pick(words)} ${pick(words)} ${n}`;
    const practice = rand() < 0.3 ? pick(practices) : undefined;
    const picked = pick(skills);
    const recordSkills = [n < pageFill ? (skills[0] ?? picked) : picked];
    const version: InnovationVersion = {
      innovationId: id,
      version: 1,
      status: 'published',
      title,
      problem: 'Work stalls while people guess where to start; this is the problem written at length.',
      improvement: 'A fixed order of checks on one card, kept at every bench, and read before starting.',
      practice,
      skills: recordSkills,
      effect: { unit: 'minutes', before: 45, after: 30, method: 'Timed forty jobs before and forty after.' },
      evidence: [],
      inventors: [{ personId: hot.person, basisPoints: 10_000 }],
      license: 'CC-BY-SA-4.0',
      createdAt: at(n),
      createdBy: hot.person,
      updatedAt: at(n),
      publishedAt: at(n),
      contentHash: 'bench',
      acceptedBy: [hot.person],
      invited: [],
      rev: 2,
      termsRev: 1,
    };
    const record: InnovationRecord = {
      id,
      status: 'published',
      currentVersion: 1,
      title,
      practice,
      skills: recordSkills,
      inventorIds: [hot.person],
      createdAt: at(n),
      createdBy: hot.person,
      updatedAt: at(n),
      publishedAt: at(n),
      rev: 2,
      adopterCount: rand() < 0.2 ? 1 : 0,
    };
    return [
      { ...innovationKeys(record), type: 'innovation', ...record },
      { ...innovationVersionKeys(id, 1), type: 'innovation-version', ...version },
    ];
  }

  function logItems(count: number): Item[] {
    const items: Item[] = [];
    for (let i = 0; i < count; i++) {
      const index = head.treeSize;
      // One entry in two hundred is about the hot record (one in 40 until it has pageFill): its log grows
      // with the whole log.
      const aboutHot = index < 40 * pageFill ? index % 40 === 0 : index % 200 === 0;
      const innovationId = aboutHot ? hot.record : `bench-rec-${String(index % 50_000).padStart(7, '0')}`;
      const event: LogEvent = {
        kind: 'value-report',
        at: at(index),
        innovationId,
        syndicateId: hot.syndicate,
        reportId: `r${index}`,
        amount: '1000',
        periodFrom: '2026-01-01',
        periodTo: '2026-01-02',
      };
      const append = prepareAppend(head, event, new Date(base + index), signer);
      head = append.head;
      const [entry] = logAppendItems(tableName, append);
      items.push((entry as { Put: { Item: Item } }).Put.Item);
    }
    return items;
  }

  /** Transfers of two entries each (one out, one in): balances sum to zero by construction. */
  function ledgerItems(count: number, accounts: number): Item[] {
    const items: Item[] = [];
    const account = (n: number) => (n % 2 === 0 ? `person:bench-p${n}` : `syndicate:bench-s${n}`);
    for (let i = 0; i < count / 2; i++) {
      const n = written.ledgerEntries / 2 + i;
      // A tenth of transfers leave the hot syndicate, a twentieth reach the hot person (and the first
      // csvPageFill all do).
      const from = n % 10 === 0 ? `syndicate:${hot.syndicate}` : account(Math.floor(rand() * accounts));
      const other = account(Math.floor(rand() * accounts));
      const to = n % 20 === 1 || n < csvPageFill ? `person:${hot.person}` : other;
      const amount = BigInt(1 + Math.floor(rand() * 10_000));
      const when = at(n);
      const entry = (accountId: string, signed: bigint, counterparty: string, sequence: number): Item => {
        const ledgerEntry: LedgerEntry = {
          accountId: accountId as LedgerEntry['accountId'],
          at: when,
          amount: signed,
          counterparty: counterparty as LedgerEntry['accountId'],
          kind: 'royalty',
          innovationId: hot.record,
          reportId: `t${n}`,
          syndicateId: hot.syndicate,
          sequence,
          logIndex: 0,
        };
        return { ...ledgerEntryKeys(accountId, when, `t${n}`, sequence), type: 'ledger-entry', ...ledgerEntry };
      };
      items.push(entry(from, -amount, to, 0), entry(to, amount, from, 1));
      balances.set(from, (balances.get(from) ?? 0n) - amount);
      balances.set(to, (balances.get(to) ?? 0n) + amount);
    }
    return items;
  }

  function accountItems(): Item[] {
    return [...balances].map(([accountId, balance]) => ({
      ...accountKeys(accountId),
      type: 'account',
      accountId,
      balance,
      creditLimit: -1_000_000_000n,
      updatedAt: at(0),
    }));
  }

  /** The hot syndicate, the hot person's membership, adoptions and settled reports of the hot record. */
  function syndicateItems(reports: number, from: number): Item[] {
    const items: Item[] = [];
    if (from === 0) {
      const syndicate = {
        id: hot.syndicate,
        name: 'Bench syndicate',
        trade: 'repair',
        description: 'The syndicate whose statement the benchmark reads.',
        place: 'Valencia, ES',
        rateCard: [],
        createdAt: at(0),
        createdBy: hot.person,
        memberCount: 1,
        adminCount: 1,
      };
      items.push({ ...syndicateKeys(hot.syndicate, syndicate.name), type: 'syndicate', ...syndicate });
      items.push({
        ...membershipKeys(hot.syndicate, hot.person),
        type: 'membership',
        syndicateId: hot.syndicate,
        personId: hot.person,
        role: 'admin',
        status: 'active',
        requestedAt: at(0),
      });
    }
    for (let n = from; n < reports; n++) {
      const syndicateId = `bench-s${n}`;
      const adoption: Adoption = {
        innovationId: hot.record,
        syndicateId,
        version: 1,
        inventors: [{ personId: hot.person, basisPoints: 10_000 }],
        implementers: [{ personId: hot.person, basisPoints: 10_000 }],
        note: '',
        adoptedAt: at(n),
        adoptedBy: hot.person,
        reported: [],
        rev: 1,
      };
      items.push({ ...adoptionKeys(hot.record, syndicateId, adoption.adoptedAt), type: 'adoption', ...adoption });
      const report: ValueReport = {
        id: `bench-report-${n}`,
        innovationId: hot.record,
        syndicateId: hot.syndicate,
        amount: 2000n,
        periodFrom: '2026-01-01',
        periodTo: '2026-01-02',
        method: 'Hours saved times the agreed rate.',
        status: 'settled',
        reportedAt: at(n),
        reportedBy: hot.person,
        confirmations: [],
        conflicted: [],
        logIndex: 0,
        rev: 2,
        settlement: {
          settledAt: at(n),
          value: 2000n,
          inventorsTotal: 1000n,
          implementersTotal: 1000n,
          inventorParts: [{ personId: hot.person, amount: 1000n }],
          implementerParts: [{ personId: hot.person, amount: 1000n }],
          logIndex: 0,
        },
      };
      items.push({ ...valueReportKeys(report), type: 'value-report', ...report });
    }
    return items;
  }

  return {
    written,
    head: () => head,
    /** Adds what is missing to reach `target`; the log head is written last, as an append would. */
    async grow(target: Sizes, onProgress: (what: string) => void = () => undefined) {
      const records: Item[] = [];
      for (let n = written.records; n < target.records; n++) records.push(...recordItems(n));
      onProgress(`${records.length / 2} records`);
      await writeAll(records);
      const reports = Math.max(pageFill, Math.floor(target.records / 50));
      const reportsWritten = written.records === 0 ? 0 : Math.max(pageFill, Math.floor(written.records / 50));
      await writeAll(syndicateItems(reports, reportsWritten));
      onProgress(`${reports} adoptions and settled reports`);
      for (let done = written.logEntries; done < target.logEntries; done += 10_000) {
        await writeAll(logItems(Math.min(10_000, target.logEntries - done)));
      }
      const headItem = logAppendItems(tableName, { entry: {} as never, head, previousSize: 0 })[1] as {
        Put: { Item: Item };
      };
      await writeAll([headItem.Put.Item]);
      onProgress(`${target.logEntries} log entries`);
      await writeAll(ledgerItems(target.ledgerEntries - written.ledgerEntries, target.accounts));
      await writeAll(accountItems());
      onProgress(`${target.ledgerEntries} ledger entries over ${balances.size} accounts`);
      Object.assign(written, target);
    },
  };
}
