// bench:scale times the routes with the search engine in a process of its own (bench/search-process.ts),
// so that the index's heap is not the measuring process's: asked over HTTP, it must answer as the embedded
// engine answers in-process, or the benchmark would time a different search than `npm start` runs.
import { afterAll, describe, expect, it } from 'vitest';
import { type SearchProcess, startSearchProcess } from '../../bench/remote-search.ts';
import { searchPortContract } from '../contract/search-port.ts';

const started: SearchProcess[] = [];
const start = async () => {
  const process = await startSearchProcess();
  started.push(process);
  return process;
};
afterAll(() => {
  for (const process of started) process.stop();
});

searchPortContract('the embedded engine in its own process', async () => (await start()).index);

describe('the search process', () => {
  it('holds the index in its own heap, not in the process that asks it', async () => {
    const { index, heapMb } = await start();
    const before = await heapMb();
    const body = 'joists '.repeat(2000);
    await index.upsert(
      Array.from({ length: 500 }, (_, i) => ({
        id: `course:c${i}`,
        type: 'course' as const,
        title: `Course ${i}`,
        summary: '',
        body,
        url: `/learn/c${i}/`,
        skills: [],
        updatedAt: '2026-01-01T00:00:00.000Z',
      })),
    );
    expect((await index.health()).documents).toBe(500);
    expect(await heapMb()).toBeGreaterThan(before);
  });
});
