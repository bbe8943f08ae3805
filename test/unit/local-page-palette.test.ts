// The pages the local gateway serves itself (sign-in, caught mail) follow the system's light or dark
// setting as the site does: with the site's own colour pairs, and no colour of their own that would
// stay light in the dark. (The browser test test/browser/home-and-theme.test.ts sees them rendered dark.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devMail, devMailStyles } from '#local/dev-mail-page.ts';
import { localPalette } from '#local/local-page-palette.ts';
import type { MailCatcher } from '#local/mail-catcher.ts';
import { signInPage, signInStyles } from '#local/sign-in-page.ts';

const siteCss = readFileSync(join(import.meta.dirname, '../../site/src/styles/global.css'), 'utf8');

/** Each `--name: light-dark(light, dark)` pair a stylesheet declares. */
const pairs = (css: string) =>
  new Map(
    [...css.matchAll(/--([a-z-]+):\s*light-dark\(([^,]+),([^)]+)\)/g)].map((m) => [m[1], [m[2]?.trim(), m[3]?.trim()]]),
  );

const none: MailCatcher = {
  url: 'smtp://127.0.0.1:1',
  list: () => [],
  get: () => undefined,
  clear: () => undefined,
  next: () => Promise.reject(new Error('none')),
  stop: async () => undefined,
};

describe('the local gateway’s own pages', () => {
  it('take each colour pair, light and dark, from the site’s stylesheet', () => {
    const site = pairs(siteCss);
    const local = pairs(localPalette);
    expect(local.size).toBeGreaterThan(5);
    for (const [name, pair] of local) expect(pair, `--${name}`).toEqual(site.get(name));
  });

  it.each([
    { page: 'sign-in', styles: signInStyles, html: signInPage([], '/') },
    { page: 'caught mail', styles: devMailStyles, html: devMail(none, 'GET', '/dev/mail/')?.body ?? '' },
  ])('the $page page follows the system’s dark setting, with no colour of its own', ({ styles, html }) => {
    expect(styles.startsWith(localPalette)).toBe(true);
    expect(localPalette).toMatch(/:root \{ color-scheme: light dark;/);
    const own = styles.slice(localPalette.length);
    expect(own).not.toMatch(/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?)\(|:\s*(white|black)\b/i);
    expect(html).toContain(`<style>${styles}</style>`);
  });
});
