// Debian's Chromium driven by Playwright; no browser is ever downloaded.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Browser tests need Chromium at ${chromiumPath}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Follows a statement's Next links to its last page, where the newest movements are (oldest first). */
export async function lastPage(page: Page) {
  for (let step = 0; step < 50; step++) {
    const next = page.getByRole('navigation', { name: 'Pages of movements' }).getByRole('link', { name: 'Next →' });
    if ((await next.count()) === 0) return;
    await Promise.all([page.waitForNavigation(), next.click()]);
  }
}
