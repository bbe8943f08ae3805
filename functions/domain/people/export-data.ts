// "Download your data": everything Guildhall holds about the signed-in person, as JSON, a page at a
// time. A person's data grows with use (attempts, ledger entries), so no request reads it all: each
// answers at most a page of items and a cursor for the rest, walking the parts of person-data.ts in
// turn. The site's download button follows the cursors into one file, a bounded number of pages at a
// time (site/src/pages/me/data.json.ts).
//
// After the parts come the threads of the person's applications (the messages between them and the
// syndicate's admins), one application after another. Not the admins' private notes on them: those
// are the syndicate's notes about an applicant, kept out of the applicant's view everywhere (the
// application page, the API, the notifications), and a download of "your data" is no way around that.
import { RequestShapeError } from '../errors.ts';
import { peopleWords } from '../i18n/account/people-refusals.ts';
import type { Identity } from '../identity.ts';
import type { InnovationRepository } from '../innovations/innovation-repository.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import { decodeCursor, encodeCursor, type PageRequest } from '../paging.ts';
import { type PersonDataPart, type PersonDataRepository, personDataParts } from './person-data.ts';

export interface ExportedItem {
  /** Which part of the person's data it comes from (person-data.ts), or `thread`: an application's messages. */
  part: PersonDataPart | 'thread';
  /** What it is: `person`, `enrollment`, `credential`, `application`, `ledger-entry`… */
  type: string;
  [field: string]: unknown;
}

export interface ExportPage {
  personId: string;
  exportedAt: string;
  items: ExportedItem[];
  next?: string | undefined;
}

export interface ExportDependencies {
  personData: Pick<PersonDataRepository, 'page' | 'pageBelowApplication'>;
  openings: Pick<OpeningRepository, 'pageApplicationsOf'>;
  innovations: Pick<InnovationRepository, 'getMany'>;
  now: () => Date;
}

/** Where the export stands: in a part, at a cursor inside it or `start`. */
interface PartPosition {
  part: PersonDataPart;
  at: string;
}

/**
 * In the threads: `at` is the application list's cursor after the application being read (`start`
 * before the first, `end` after the last), `opening` that application's opening (`-` between two) and
 * `inner` the cursor inside its thread (or `start`).
 */
interface ThreadPosition {
  part: 'thread';
  at: string;
  opening: string;
  inner: string;
}

type Position = PartPosition | ThreadPosition;

const firstThread: ThreadPosition = { part: 'thread', at: 'start', opening: '-', inner: 'start' };
const threadKeys = ['part', 'at', 'opening', 'inner'];

/** Reads one request makes at most: the parts take one each, but a person may have many applications. */
const maxReads = 20;

const foreign = () =>
  new RequestShapeError([{ field: 'query.cursor', ...peopleWords({ key: 'foreign-cursor', values: {} }) }]);

function readPosition(cursor: string | undefined): Position {
  if (!cursor) return { part: personDataParts[0], at: 'start' };
  let position: Record<string, unknown>;
  try {
    position = decodeCursor(cursor, { keys: ['part', 'at'] });
  } catch {
    position = decodeCursor(cursor, { keys: threadKeys });
    if (position.part !== 'thread' || threadKeys.some((key) => typeof position[key] !== 'string')) throw foreign();
    return position as unknown as ThreadPosition;
  }
  if (!personDataParts.includes(position.part as PersonDataPart) || typeof position.at !== 'string') throw foreign();
  return position as unknown as PartPosition;
}

const from = (at: string) => (at === 'start' ? {} : { cursor: at });

/** Reads the next page at `position` into `items`; answers where the export stands after it. */
async function readAt(
  deps: ExportDependencies,
  personId: string,
  position: Position,
  limit: number,
  items: ExportedItem[],
): Promise<Position | undefined> {
  if (position.part !== 'thread') {
    const page = await deps.personData.page(personId, position.part, { limit, ...from(position.at) });
    for (const item of page.items) items.push({ ...item.data, part: position.part, type: item.type });
    const following: PersonDataPart | undefined = personDataParts[personDataParts.indexOf(position.part) + 1];
    if (page.next) return { part: position.part, at: page.next };
    return following ? { part: following, at: 'start' } : firstThread;
  }
  if (position.opening === '-') {
    // One application at a time, so the cursor can stand between two of them.
    if (position.at === 'end') return undefined;
    const page = await deps.openings.pageApplicationsOf(personId, { limit: 1, ...from(position.at) });
    const application = page.items[0];
    if (!application) return undefined;
    return { part: 'thread', at: page.next ?? 'end', opening: application.openingId, inner: 'start' };
  }
  const page = await deps.personData.pageBelowApplication(
    position.opening,
    personId,
    { limit, ...from(position.inner) },
    'thread',
  );
  // The thread's partition also keeps each message id once used (how a retried message is written
  // once): bookkeeping, not something said; the messages carry their ids.
  for (const item of page.items) {
    if (item.type === 'application-message') items.push({ ...item.data, part: 'thread', type: item.type });
  }
  return page.next ? { ...position, inner: page.next } : { ...position, opening: '-', inner: 'start' };
}

/**
 * Steps: from the cursor's position, read pages until `limit` items are in hand, everything is read or
 * `maxReads` reads are spent (a short page with a cursor then); give each inventor link its record
 * (drafts included: the person is named on them), read in one batch for the page.
 */
export async function exportMyData(
  deps: ExportDependencies,
  identity: Identity,
  request: PageRequest,
): Promise<ExportPage> {
  let position: Position | undefined = readPosition(request.cursor);
  const items: ExportedItem[] = [];
  for (let reads = 0; position && items.length < request.limit && reads < maxReads; reads++) {
    position = await readAt(deps, identity.personId, position, request.limit - items.length, items);
  }
  const next = position ? encodeCursor({ ...position }) : undefined;
  const records = await deps.innovations.getMany([
    ...new Set(items.filter((item) => item.type === 'inventor-link').map((item) => String(item.innovationId))),
  ]);
  return {
    personId: identity.personId,
    exportedAt: deps.now().toISOString(),
    items: items.map((item) =>
      item.type === 'inventor-link'
        ? { ...item, record: asJson(records.get(String(item.innovationId)) ?? null) }
        : item,
    ),
    ...(next ? { next } : {}),
  };
}

/** A record as JSON holds it: its amounts (bigint, minor units) as strings of digits, as the API writes them. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, field) => (typeof field === 'bigint' ? field.toString() : field)));
}
