// The registry log page's witness lines (issue 20), from witness items stored as the witnessing code
// keeps them: the instances that cosigned the current head ("Witnessed by …"), and the fork notice for
// a fork another instance reported about this log and for one this instance saw in a log it witnesses.
// Read at phone width, without JavaScript; the items are removed again so later files see a sound log.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { forkReportKeys, receivedCosignatureKeys, witnessedLogKeys } from '#adapters/dynamodb/keys.ts';
import { createWitnessedLogRepository, createWitnessReportRepository } from '#adapters/dynamodb/witness-repository.ts';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const store = inject('store');
const client = createDocumentClient({ region: 'eu-west-1', endpoint: store.endpoint, timeoutMs: 10_000 });
const reports = createWitnessReportRepository(client, store.tableName);
const witnessedLogs = createWitnessedLogRepository(client, store.tableName);

const run = Date.now().toString(36);
const witnesses = [`alpha-${run}.example`, `beta-${run}.example`];
const reporter = `gamma-${run}.example`;
const forkedLog = `forked-${run}.example`;
let treeSize = 0;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // Whatever this file stored goes again, so no later page shows a fork.
  const keys = [
    ...witnesses.map((witness) => receivedCosignatureKeys(treeSize, witness)),
    forkReportKeys(reporter),
    witnessedLogKeys(forkedLog),
  ];
  for (const Key of keys) await client.send(new DeleteCommand({ TableName: store.tableName, Key }));
});

const head = (size: number, root: string) => ({
  treeSize: size,
  rootHash: root,
  timestamp: Date.parse('2026-12-01T00:00:00Z'),
  signature: 'c2ln',
});

/** The log page's main text, read without JavaScript at 360 px. */
async function logPage() {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/innovations/log/`);
  const text = {
    witnesses: await page.locator('#witnesses').textContent(),
    alerts: await page.getByRole('alert').allTextContents(),
    // Nothing wider than the phone: the hosts and roots break anywhere.
    overflow: await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth'),
  };
  await context.close();
  return text;
}

describe('the log page’s witness lines', () => {
  it('says no instance cosigned the head, names those that did, and shows a fork reported here or seen elsewhere', async () => {
    const served = (await (await fetch(`${baseUrl}/api/registry-log/head`)).json()) as {
      treeHead: { treeSize: number; rootHash: string };
    };
    treeSize = served.treeHead.treeSize;
    expect(treeSize).toBeGreaterThan(0);

    const before = await logPage();
    expect(before.witnesses).toBe('No other instance has cosigned this head yet.');
    expect(before.alerts).toEqual([]);

    // Two instances cosign the current head; one cosigned an older head, which this line is not about.
    for (const witness of witnesses) {
      await reports.putCosignature({
        witness,
        treeSize,
        rootHash: served.treeHead.rootHash,
        time: 1_796_000_000,
        signature: 'c2ln',
        receivedAt: new Date().toISOString(),
      });
    }
    const cosigned = await logPage();
    expect(cosigned.witnesses).toBe(`Witnessed by: ${witnesses.join(', ')}.`);
    expect(cosigned.alerts).toEqual([]);

    // A witness reports a fork in this log, and this instance saw one in a log it witnesses.
    await reports.putFork({
      witness: reporter,
      reason: 'same-size-different-root',
      seen: head(7, 'AAAA'),
      served: head(7, 'BBBB'),
      time: 1_796_000_000,
      signature: 'c2ln',
      receivedAt: new Date().toISOString(),
    });
    await witnessedLogs.add({
      host: forkedLog,
      publicKey: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
      addedBy: 'steward',
      addedAt: new Date().toISOString(),
    });
    expect(
      await witnessedLogs.record(
        {
          host: forkedLog,
          publicKey: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
          addedBy: 'steward',
          addedAt: new Date().toISOString(),
          fork: {
            reason: 'size-went-down',
            seen: head(12, 'CCCC'),
            served: head(9, 'DDDD'),
            time: 1_796_000_000,
            signature: 'c2ln',
          },
        },
        0,
      ),
    ).toBe(true);
    const forked = await logPage();
    expect(forked.alerts).toHaveLength(1);
    const [notice] = forked.alerts;
    expect(notice).toContain('Fork seen: two signed heads that cannot both be true');
    expect(notice).toContain(`${reporter} reports that this log signed two different trees of 7 entries.`);
    expect(notice).toContain(`This instance saw the log of ${forkedLog} sign two conflicting heads (size 9).`);
    expect(forked.witnesses).toBe(`Witnessed by: ${witnesses.join(', ')}.`);
    expect(forked.overflow).toBe(false);
  });
});
