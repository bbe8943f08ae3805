// Carmen's record is adopted by Zonnewerk (Bram alone), which reports its value; Carmen disputes it. On
// the record's page the disputed report offers "Open a circle": the form comes filled in for that
// report, refuses an amount above the reported one beside its field, and opens the circle, whose page
// names the inventors and the panel drawn and counts the people in the circle. No JavaScript, on a phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { apiAs, signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A record of Carmen's, adopted and reported by Zonnewerk (Bram), and disputed by Carmen: its id and the report's. */
async function disputedReport() {
  const { record } = (await apiAs(baseUrl, 'demo-carmen', 'POST', '/api/innovations', {
    title: `Labelled cable looms ${Date.now()}`,
    problem: 'Cables for different jobs got tangled together in the van every week.',
    improvement: 'One labelled loom per job, tied with a reusable strap in the job tag colour.',
    practice: 'recording-a-repair-from-intake-to-return',
    effect: { unit: 'minutes', before: 20, after: 5, method: 'Timed ten loads each way, by hand.' },
    inventors: [{ personId: 'demo-carmen' }],
    license: 'CC-BY-SA-4.0',
  })) as { record: { id: string } };
  await apiAs(baseUrl, 'demo-carmen', 'POST', `/api/innovations/${record.id}/publication`);
  await apiAs(baseUrl, 'demo-bram', 'PUT', `/api/innovations/${record.id}/adoptions/zonnewerk-rotterdam`, {
    implementers: [{ personId: 'demo-bram' }],
  });
  const { report } = (await apiAs(
    baseUrl,
    'demo-bram',
    'POST',
    `/api/innovations/${record.id}/adoptions/zonnewerk-rotterdam/reports`,
    {
      amount: 8000,
      periodFrom: '2026-09-01',
      periodTo: '2026-09-30',
      method: 'Minutes saved loading the van, at our agreed hourly rate in Bound.',
    },
  )) as { report: { id: string } };
  await apiAs(baseUrl, 'demo-carmen', 'PUT', `/api/innovations/${record.id}/reports/${report.id}/decision`, {
    decision: 'dispute',
    reason: 'The loading time was measured on a short week.',
  });
  return { recordId: record.id, reportId: report.id };
}

describe('a restorative circle', () => {
  it('lets Carmen open a circle on her disputed report from the record’s page, on a phone without JavaScript', async () => {
    const { recordId, reportId } = await disputedReport();
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const carmen = await context.newPage();
    await signIn(carmen, baseUrl, /Carmen Ruiz/, `/innovations/${recordId}/`);
    await carmen.getByRole('link', { name: 'Open a circle' }).click();
    await carmen.waitForURL(/\/decisions\/new\/\?kind=resolve-disputed-report/);
    await expect(carmen.getByLabel(/^Value report’s id/).inputValue()).resolves.toBe(reportId);
    await expect(carmen.getByLabel(/^Innovation record’s id/).inputValue()).resolves.toBe(recordId);
    await expect(carmen.getByLabel(/^Who decides/).inputValue()).resolves.toBe('syndicate:zonnewerk-rotterdam');

    // More than was reported is refused beside the amount, and nothing opens.
    await carmen.getByLabel(/^Amount to settle/).fill('80.01');
    await carmen.getByLabel(/I understand that once open it cannot be withdrawn/).check();
    await carmen.getByRole('button', { name: 'Propose' }).click();
    await expect(carmen.getByRole('alert').textContent()).resolves.toMatch(/at most the reported 8000 minor units/);
    await expect(carmen.locator('#f-amount').getAttribute('aria-invalid')).resolves.toBe('true');

    await carmen.getByLabel(/^Amount to settle/).fill('60.00');
    await carmen.getByLabel(/I understand that once open it cannot be withdrawn/).check();
    await carmen.getByRole('button', { name: 'Propose' }).click();
    await carmen.waitForURL(/\/decisions\/[a-z0-9-]+\/$/);
    const main = await carmen.locator('main').textContent();
    expect(main).toContain(`The disputed value report ${reportId} is settled at 60.00 Bound`);
    expect(main).toMatch(/The record’s inventors: Carmen Ruiz/);
    expect(main).toMatch(/The panel drawn when it opened/);
    expect(main).toMatch(/yes votes of the \d+ people in the circle/);
    await expect(carmen.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);

    // Carmen, an inventor, votes; the report's row links to nothing settled yet.
    await carmen.getByRole('radio', { name: 'Yes' }).check();
    await carmen.getByRole('button', { name: 'Vote' }).click();
    await expect(carmen.getByRole('status').textContent()).resolves.toMatch(/Your vote is counted: yes/);
    await context.close();
  });
});
