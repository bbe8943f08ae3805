// `npm run bench:site`: what each main page costs a visitor. JavaScript shipped per page (gzipped:
// target 0 KB on static pages, at most 25 KB on interactive ones), and Lighthouse runs in Debian's
// Chromium (targets: performance at least 95, accessibility 100): the desktop profile unthrottled, and
// the mobile profile as Lighthouse defines it (a mid-range phone's screen, simulated slow 4G and a 4×
// slower CPU) for the nine pages in each language (English, and the same pages under /es/ and /nl/).
// The axe sweep is a test (test/browser/accessibility.test.ts); this prints figures only.
//
//   BENCH_SITE_PROFILES=mobile        only one profile (default: desktop,mobile)
//   BENCH_SITE_LANGUAGES=es           only some languages (default: en,es,nl; desktop runs English only)
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort } from '#local/dynamodb-local.ts';
import { startLocalStack } from '#local/local-stack.ts';

const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const stack = await startLocalStack({ port: await freePort(), build: 'if-needed', logLevel: 'silent' });
const pages: Array<[string, string]> = [
  ['home', '/'],
  ['catalog', '/learn/'],
  ['course', '/learn/solar-pv-fundamentals-and-site-survey/'],
  ['lesson', '/learn/solar-pv-fundamentals-and-site-survey/01-volts-amps-watts-and-kilowatt-hours/'],
  ['jobs board', '/jobs/'],
  ['opening', '/jobs/riverside-builders-site-carpenter/'],
  ['search', '/search/?q=solar'],
  ['shortages', '/shortages/'],
  ['innovations', '/innovations/'],
];

async function javascriptBytes(path: string): Promise<{ files: number; gzip: number }> {
  const html = await (await fetch(`${stack.url}${path}`)).text();
  let gzip = 0;
  let files = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/type="application\/(ld\+)?json"/.test(attributes)) continue;
    const src = /src="([^"]+)"/.exec(attributes)?.[1];
    const code = src ? await (await fetch(new URL(src, stack.url))).text() : (match[2] ?? '');
    gzip += gzipSync(code).length;
    files++;
  }
  return { files, gzip };
}

const chrome = await launch({
  chromePath,
  chromeFlags: [
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
const list = (value: string | undefined, all: string[]) =>
  value ? value.split(',').filter((item) => all.includes(item)) : all;
const profiles = list(process.env.BENCH_SITE_PROFILES, ['desktop', 'mobile']);
const languages = list(process.env.BENCH_SITE_LANGUAGES, ['en', 'es', 'nl']);
/** The page's address in a language: English unprefixed, the others under their code (middleware.ts). */
const inLanguage = (language: string, path: string) => (language === 'en' ? path : `/${language}${path}`);
const settings = {
  // The desktop profile with no simulated throttling: the figures are of the site, not of a modem.
  desktop: {
    formFactor: 'desktop',
    screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
    throttlingMethod: 'provided',
  },
  // Lighthouse's own mobile defaults (its emulated phone, simulated throttling): what its reports show.
  mobile: { formFactor: 'mobile' },
} as const;
const rows: string[] = [];
const below: string[] = [];
try {
  for (const profile of profiles as Array<keyof typeof settings>) {
    for (const language of profile === 'desktop' ? ['en'] : languages) {
      for (const [name, englishPath] of pages) {
        const path = inLanguage(language, englishPath);
        const js = await javascriptBytes(path);
        const result = await lighthouse(`${stack.url}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          ...settings[profile],
        });
        const score = (key: string) => Math.round((result?.lhr.categories[key]?.score ?? 0) * 100);
        if (score('performance') < 95 || score('accessibility') < 100) below.push(`${profile} ${path}`);
        rows.push(
          `| ${profile} | ${language} | ${name} | ${js.files} | ${(js.gzip / 1024).toFixed(1)} KB | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
        );
      }
    }
  }
} finally {
  chrome.kill();
  await stack.stop();
}
console.log(`Site pages in Chromium, Lighthouse ${profiles.join(' and ')} profiles, local stack\n`);
console.log(
  '| profile | language | page | scripts | JS gzipped | performance | accessibility | best practices | SEO |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  below.length === 0
    ? '\nEvery page meets performance ≥ 95 and accessibility 100.'
    : `\nBelow performance 95 or accessibility 100: ${below.join(', ')}`,
);
