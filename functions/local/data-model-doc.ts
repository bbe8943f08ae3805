// Renders the data-model declaration (functions/adapters/dynamodb/data-model.ts) as docs/data-model.md.
// Pure: the same declaration always gives the same bytes, so a test can tell a stale file.
import {
  type AccessPattern,
  accessPatterns,
  entities,
  jobs,
  serialisationPoints,
} from '#adapters/dynamodb/data-model.ts';
import { table } from '#adapters/dynamodb/table.ts';

export const dataModelPath = 'docs/data-model.md';

type Key = AccessPattern['key'];

/** The base table or the index a key goes through: the key attribute names say which. */
export function indexOf(key: Key): string {
  const index = table.indexes.find((candidate) => candidate.partitionKey in key && !(table.keys.partitionKey in key));
  return index?.indexName ?? 'table';
}

const code = (value: unknown) => `\`${String(value)}\``;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * The key condition a pattern sends, in DynamoDB's words: `pk = … AND sk BETWEEN …`. A prefix goes as a range up
 * to the prefix and U+10FFFF, not as begins_with, which DynamoDB Local answers by reading the whole partition
 * (adapters/dynamodb/key-prefix.ts).
 */
export function keyCondition(key: Key): string {
  const index = table.indexes.find((candidate) => candidate.indexName === indexOf(key));
  const names = index ?? table.keys;
  const partition = key[names.partitionKey];
  if (partition === undefined) return '—';
  const parts = [`${names.partitionKey} = ${code(partition)}`];
  const sort = key[names.sortKey];
  if (sort !== undefined) parts.push(`${names.sortKey} = ${code(sort)}`);
  if (key.prefix !== undefined) {
    parts.push(`${names.sortKey} BETWEEN ${code(key.prefix)} AND ${code(`${key.prefix}<U+10FFFF>`)}`);
  }
  if (Array.isArray(key.between)) {
    parts.push(`${names.sortKey} BETWEEN ${code(key.between[0])} AND ${code(key.between[1])}`);
  }
  if (key.from !== undefined) parts.push(`${names.sortKey} >= ${code(key.from)}`);
  return parts.join(' AND ');
}

const entitiesOf = (pattern: AccessPattern): readonly string[] =>
  typeof pattern.entity === 'string' ? [pattern.entity] : pattern.entity;

function entityRows(): string[] {
  const rows = [
    '| Entity | pk | sk | gsi1pk / gsi1sk | gsi2pk / gsi2sk | Found by | Notes | keys.ts |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, entity] of Object.entries(entities)) {
    const keys = entity.keys as Key;
    // The builders that compose or read this entity's keys: its own and its access patterns'.
    const builders = new Set([
      ...entity.builders,
      ...Object.values(accessPatterns).flatMap((pattern) =>
        entitiesOf(pattern).includes(name) ? pattern.builders : [],
      ),
    ]);
    const pair = (pk: string, sk: string) => (keys[pk] === undefined ? '' : `${code(keys[pk])} / ${code(keys[sk])}`);
    rows.push(
      `| **${name}**: ${cell(entity.about)} | ${code(keys.pk)} | ${code(keys.sk)} | ${pair('gsi1pk', 'gsi1sk')} | ${pair('gsi2pk', 'gsi2sk')} | ${entity.foundBy.join(', ') || '—'} | ${cell(('notes' in entity && entity.notes) || '')} | ${[...builders].join(', ')} |`,
    );
  }
  return rows;
}

function patternRows(): string[] {
  const rows = [
    '| Pattern | Entity | Operation | Index | Key condition | Reads | Used by |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, pattern] of Object.entries(accessPatterns)) {
    const reads = pattern.bound ? `${pattern.reads}: ${pattern.bound}` : pattern.reads;
    rows.push(
      `| **${name}**: ${cell(pattern.does)} | ${entitiesOf(pattern).join(', ')} | ${pattern.operation} | ${indexOf(pattern.key)} | ${cell(keyCondition(pattern.key))} | ${cell(reads)} | ${cell(pattern.usedBy.join(', ') || 'no caller yet')} |`,
    );
  }
  return rows;
}

function partitionRows(): string[] {
  const rows = ['| Pattern | Partition | Why one is acceptable |', '|---|---|---|'];
  for (const [name, pattern] of Object.entries(accessPatterns)) {
    if (!pattern.partition) continue;
    const why = 'single' in pattern.partition ? pattern.partition.single : `sharded: ${pattern.partition.sharded}`;
    rows.push(`| ${name} | ${cell(keyCondition(pattern.key))} | ${cell(why)} |`);
  }
  return rows;
}

function growingRows(): string[] {
  const growing = Object.entries(accessPatterns).flatMap(([name, pattern]): string[] => {
    if (pattern.walkedWholeBy) return [`| ${name} | ${cell(pattern.walkedWholeBy)} |`];
    if (pattern.reads !== 'every item') return [];
    return [
      `| ${name} | ${cell(pattern.bound ?? '')}; used by ${cell(pattern.usedBy.join(', ') || 'no caller yet')} |`,
    ];
  });
  if (growing.length === 0) return ['None: every request reads one item, a bounded set or a page.'];
  return ['| Pattern | What grows, and who reads it whole |', '|---|---|', ...growing];
}

export function renderDataModel(): string {
  const indexRows = [
    `| table | \`${table.keys.partitionKey}\` | \`${table.keys.sortKey}\` |`,
    ...table.indexes.map((index) => `| ${index.indexName} | \`${index.partitionKey}\` | \`${index.sortKey}\` |`),
  ];
  const points = Object.entries(serialisationPoints).flatMap(([name, point]) => [
    `### ${name}`,
    '',
    `Item: ${keyCondition(point.item)} (keys.ts: ${point.builders.join(', ')}).`,
    '',
    point.why,
    '',
    `**Throughput limit**: ${point.limit}`,
    '',
  ]);
  return [
    '# Guildhall’s data model',
    '',
    '<!-- Generated from functions/adapters/dynamodb/data-model.ts by `npm run docs:data-model`. Do not edit:',
    '     test/unit/data-model.test.ts fails while this file differs from what the declaration prints. -->',
    '',
    'One DynamoDB table holds every entity. Every key string is composed in',
    '`functions/adapters/dynamodb/keys.ts`; the templates below are what its builders return for named',
    'placeholders (`<personId>`). Why no library declares them: `docs/data-layer-evaluation.md`.',
    '',
    '## Table and indexes',
    '',
    '| | Partition key | Sort key |',
    '|---|---|---|',
    ...indexRows,
    '',
    `Every index projects all attributes; streams carry ${table.streamView}; \`${table.timeToLiveAttribute}\` is the TTL.`,
    '',
    '## Entities',
    '',
    ...entityRows(),
    '',
    '## Access patterns',
    '',
    '“A page” is read by an opaque cursor (`?cursor=` in, `next` out); “items by key” is BatchGetItem,',
    '100 keys a call, unprocessed keys retried under the one retry policy. “Used by” names the routes, pages and',
    'jobs that reach the pattern (for the reads of one item by id, the main ones).',
    '',
    ...patternRows(),
    '',
    '## Single partitions',
    '',
    'Where every user of a pattern shares one partition, the reason one is enough:',
    '',
    ...partitionRows(),
    '',
    '## Reads that grow with the table',
    '',
    'A request that reads every item of a key range whose size grows with use, or walks every page of one:',
    '',
    ...growingRows(),
    '',
    '## Serialisation points',
    '',
    ...points,
    '## Jobs',
    '',
    '| User | Where |',
    '|---|---|',
    ...Object.entries(jobs).map(([name, file]) => `| ${name} | \`${file}\` |`),
    '',
  ].join('\n');
}
