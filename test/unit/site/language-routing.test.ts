// A page read in Spanish or Dutch keeps its reader there: its links, forms and sign-in's way back.
import { describe, expect, it } from 'vitest';
import { homeRedirect, localizeHref, localizeHtml } from '../../../site/src/lib/language-routing.ts';

describe('the links of a page in another language', () => {
  it.each([
    ['/jobs/', '/es/jobs/'],
    ['/', '/es/'],
    ['/jobs/?skill=welding&page=2', '/es/jobs/?skill=welding&page=2'],
    ['/learn/solar/#lessons', '/es/learn/solar/#lessons'],
    ['/api/openings', '/api/openings'],
    ['/_astro/page.css', '/_astro/page.css'],
    ['/jobs/feed.xml', '/jobs/feed.xml'],
    ['/me/profile/cv.pdf', '/me/profile/cv.pdf'],
    ['/es/jobs/', '/es/jobs/'],
    ['https://example.org/', 'https://example.org/'],
    ['//example.org/', '//example.org/'],
    ['#main', '#main'],
    ['/auth/sign-in?returnTo=%2Fjobs%2Fx%2F', '/auth/sign-in?returnTo=%2Fes%2Fjobs%2Fx%2F'],
    ['/auth/sign-in?returnTo=%2F%2Fevil.example', '/auth/sign-in?returnTo=%2F%2Fevil.example'],
  ])('writes %s as %s in Spanish', (href, expected) => {
    expect(localizeHref('es', href)).toBe(expected);
  });

  it('leaves every link of an English page as it is', () => {
    expect(localizeHref('en', '/jobs/')).toBe('/jobs/');
  });

  it('prefixes links and form targets, but not the switcher’s, the alternates’ or a script’s text', () => {
    const page = [
      '<a href="/jobs/?a=1&amp;b=2">Jobs</a>',
      '<form method="post" action="/learn/solar/enroll">',
      '<a href="/jobs/?lang=en" hreflang="en" lang="en">English</a>',
      '<link rel="alternate" hreflang="en" href="https://g.test/jobs/">',
      '<script>const u = "<a href=\\"/x/\\">";</script>',
      '<link rel="stylesheet" href="/_astro/a.css">',
    ].join('');
    const out = localizeHtml(page, 'nl');
    expect(out).toContain('<a href="/nl/jobs/?a=1&amp;b=2">');
    expect(out).toContain('action="/nl/learn/solar/enroll"');
    expect(out).toContain('<a href="/jobs/?lang=en" hreflang="en" lang="en">');
    expect(out).toContain('<link rel="alternate" hreflang="en" href="https://g.test/jobs/">');
    expect(out).toContain('<link rel="stylesheet" href="/_astro/a.css">');
  });
});

describe('the first visit to the home page', () => {
  it('sends a browser that prefers Dutch, with no choice made, to the Dutch home page', () => {
    expect(homeRedirect({ cookie: undefined, acceptLanguage: 'nl-NL,nl;q=0.9', lang: null })).toBe('nl');
  });

  it('follows the language chosen before over what the browser prefers', () => {
    expect(homeRedirect({ cookie: 'es', acceptLanguage: 'nl', lang: null })).toBe('es');
    expect(homeRedirect({ cookie: 'en', acceptLanguage: 'nl', lang: null })).toBeUndefined();
  });

  it('stays on English with an explicit ?lang=, an unknown cookie and no preference', () => {
    expect(homeRedirect({ cookie: undefined, acceptLanguage: 'nl', lang: 'en' })).toBeUndefined();
    expect(homeRedirect({ cookie: undefined, acceptLanguage: 'nl', lang: 'es' })).toBeUndefined();
    expect(homeRedirect({ cookie: 'fr', acceptLanguage: null, lang: null })).toBeUndefined();
    expect(homeRedirect({ cookie: undefined, acceptLanguage: 'en-US,en', lang: null })).toBeUndefined();
  });
});
