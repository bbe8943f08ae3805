// The stewards' blocks as the table keeps them: one item per host, found among a post's hosts in one
// batch read, removed once.
import { describe, expect, it } from 'vitest';
import { createInstanceBlockRepository } from '#adapters/dynamodb/instance-block-repository.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

const block = (host: string) => ({ host, reason: 'Spam', blockedBy: 'steward', blockedAt: '2026-12-07T00:00:00.000Z' });

describe('the instance blocks in the table', () => {
  it('finds a blocked host among a post’s hosts, keeps one item per host, and forgets it once unblocked', async () => {
    const { tableName } = await freshTable();
    const blocks = createInstanceBlockRepository(documentClient(), tableName);
    await blocks.put(block('spam.example'));
    await blocks.put({ ...block('spam.example'), reason: 'Spam and abuse' });
    expect(await blocks.firstBlocked([])).toBeNull();
    expect(await blocks.firstBlocked(['fine.example:8080', 'fine.example'])).toBeNull();
    expect(await blocks.firstBlocked(['spam.example:8443', 'spam.example'])).toMatchObject({
      host: 'spam.example',
      reason: 'Spam and abuse',
    });
    expect((await blocks.page({ limit: 10 })).items).toHaveLength(1);
    expect(await blocks.remove('spam.example')).toBe(true);
    expect(await blocks.remove('spam.example')).toBe(false);
    expect(await blocks.firstBlocked(['spam.example'])).toBeNull();
  });
});
