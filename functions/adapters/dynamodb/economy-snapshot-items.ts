// A standard period's snapshot as stored (domain/ledger/economy-snapshot.ts decides it; the repository
// only sends): its figures as one JSON string, amounts as strings of digits, since a DynamoDB number
// read back without wrapping loses digits past 2^53 and a string is the fewest bytes to read. Read back
// through a schema, never cast: an item that does not parse is not served.
import * as z from 'zod/mini';
import type { EconomyFigures } from '#domain/ledger/economy-figures.ts';
import type { EconomySnapshot } from '#domain/ledger/economy-snapshot.ts';
import { lazySchema } from '#domain/zod.ts';
import type { Item } from './items.ts';
import { economySnapshotKeys } from './keys.ts';

const figuresSchema = /* @__PURE__ */ lazySchema(() => {
  const int = () => z.number().check(z.int());
  const amount = () =>
    z.pipe(
      z.string().check(z.regex(/^-?\d+$/)),
      z.transform((digits) => BigInt(digits)),
    );
  const counts = { movements: int(), volume: amount(), realValue: amount() };
  return z.object({
    period: z.object({ from: z.string(), to: z.string(), days: int() }),
    accounts: int(),
    activeTraders: int(),
    ...counts,
    velocity: z.nullable(z.number()),
    positiveBalances: amount(),
    perDay: z.optional(z.array(z.object({ day: z.string(), ...counts }))),
    perMonth: z.array(z.object({ month: z.string(), from: z.string(), to: z.string(), ...counts })),
    perTrade: z.array(z.object({ trade: z.string(), volume: amount() })),
    histogram: z.array(
      z.object({ from: z.optional(amount()), to: z.optional(amount()), label: z.string(), accounts: int() }),
    ),
    nearLimit: int(),
    sumOfBalances: amount(),
  });
});

const snapshotSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ days: z.number().check(z.int()), day: z.string(), rev: z.number().check(z.int()), figures: z.string() }),
);

const text = (figures: EconomyFigures) =>
  JSON.stringify(figures, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));

/**
 * The put of a snapshot, on condition that the one kept is for an earlier day, or for the same day at
 * an earlier revision (domain `supersedes`): out-of-order computations keep the newer.
 */
export function snapshotPut(tableName: string, snapshot: EconomySnapshot) {
  return {
    TableName: tableName,
    Item: {
      ...economySnapshotKeys(snapshot.days),
      type: 'economy-snapshot',
      days: snapshot.days,
      day: snapshot.day,
      rev: snapshot.rev,
      figures: text(snapshot.figures),
    },
    ConditionExpression: 'attribute_not_exists(pk) OR #day < :day OR (#day = :day AND #rev < :rev)',
    ExpressionAttributeNames: { '#day': 'day', '#rev': 'rev' },
    ExpressionAttributeValues: { ':day': snapshot.day, ':rev': snapshot.rev },
  };
}

/**
 * The figures of the texts read lately, parsed once each. A snapshot changes only when the stream counts
 * a batch, while it is read on every view of the economy page: parsing and checking its ~3.5 KB took
 * 0.25–0.7 ms a read (as much as half of the GetItem itself), now a lookup. Keyed by the text itself, so a
 * changed snapshot can never be answered from an older parse; the figures are frozen, since every
 * reader of the same text shares them. At most a few (the four standard periods, and their next texts).
 */
const parsed = new Map<string, EconomyFigures | null>();
const keptTexts = 8;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function figuresOf(text: string): EconomyFigures | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  let figures: EconomyFigures | null = null;
  try {
    const checked = figuresSchema().safeParse(JSON.parse(text));
    if (checked.success) {
      // zod's output drops an optional key's absence into `undefined`; the figures' type wants it absent.
      const { perDay, ...rest } = checked.data;
      figures = deepFreeze(perDay === undefined ? rest : { ...rest, perDay });
    }
  } catch {
    // Not JSON: a damaged item, recomputed like a missing one.
  }
  if (parsed.size >= keptTexts) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, figures);
  return figures;
}

/** A stored snapshot, or null when it does not parse (then it is recomputed, as if none were kept). */
export function toSnapshot(item: Item): EconomySnapshot | null {
  const stored = snapshotSchema().safeParse(item);
  if (!stored.success) return null;
  const figures = figuresOf(stored.data.figures);
  if (!figures) return null;
  const { days, day, rev } = stored.data;
  return { days, day, rev, figures };
}
