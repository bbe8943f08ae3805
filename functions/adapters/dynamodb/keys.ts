// Key composition for every entity in the single table, in one place. Each access pattern in the
// repositories uses these builders; nothing else writes a key string.

export const personKeys = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'PROFILE' });

/** Marks what an item is; the stream indexer dispatches on it. */
export type EntityType = 'person';
