// "Download your data": everything Guildhall holds about the signed-in person, as JSON, a page at a
// time. A person's data grows with use (attempts, ledger entries), so no request reads it all: each
// answers at most a page of items and a cursor for the rest, walking the parts of person-data.ts in
// turn. The site's download button follows the cursors into one file, a bounded number of pages at a
// time (site/src/pages/me/data.json.ts).
import { RequestShapeError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { InnovationRepository } from '../innovations/innovation-repository.ts';
import { decodeCursor, encodeCursor, type PageRequest } from '../paging.ts';
import { type PersonDataPart, type PersonDataRepository, personDataParts } from './person-data.ts';

export interface ExportedItem {
  /** Which part of the person's data it comes from (person-data.ts). */
  part: PersonDataPart;
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
  personData: Pick<PersonDataRepository, 'page'>;
  innovations: Pick<InnovationRepository, 'getMany'>;
  now: () => Date;
}

interface Position {
  part: PersonDataPart;
  /** The cursor inside the part, or `start`. */
  at: string;
}

function readPosition(cursor: string | undefined): Position {
  if (!cursor) return { part: personDataParts[0], at: 'start' };
  const { part, at } = decodeCursor(cursor, { keys: ['part', 'at'] });
  if (!personDataParts.includes(part as PersonDataPart) || typeof at !== 'string') {
    throw new RequestShapeError([
      {
        field: 'query.cursor',
        message: 'This cursor is not one this export gave out: start again from the first page.',
      },
    ]);
  }
  return { part: part as PersonDataPart, at };
}

/**
 * Steps: from the cursor's part and position, read pages until `limit` items are in hand or the parts
 * are done (at most one read per part, and one more where a page ends a part); give each inventor link
 * its record (drafts included: the person is named on them), read in one batch for the page.
 */
export async function exportMyData(
  deps: ExportDependencies,
  identity: Identity,
  request: PageRequest,
): Promise<ExportPage> {
  let position: Position | undefined = readPosition(request.cursor);
  const items: ExportedItem[] = [];
  let next: string | undefined;
  while (position && items.length < request.limit) {
    const page = await deps.personData.page(identity.personId, position.part, {
      limit: request.limit - items.length,
      ...(position.at === 'start' ? {} : { cursor: position.at }),
    });
    for (const item of page.items) items.push({ ...item.data, part: position.part, type: item.type });
    const following: PersonDataPart | undefined = personDataParts[personDataParts.indexOf(position.part) + 1];
    position = page.next
      ? { part: position.part, at: page.next }
      : following
        ? { part: following, at: 'start' }
        : undefined;
    if (position && items.length >= request.limit) next = encodeCursor({ part: position.part, at: position.at });
  }
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
