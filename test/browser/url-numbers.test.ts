// Numbers the site's pages read from their URLs are read as the API reads them: plain digits only.
// `0x1` or `1.0` is no number there, so it neither selects a version nor applies a filter.
import { describe, expect, inject, it } from 'vitest';
import { commons } from '../support/services.ts';

const baseUrl = inject('baseUrl');
const page = async (path: string) => {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, text: await response.text() };
};

describe('numbers in the site’s URLs', () => {
  it('shows a published version by its number in digits, and no version for 0x1, 1.0 or 01', async () => {
    const record = '/innovations/two-minute-fault-triage-card/versions';
    expect((await page(`${record}/1/`)).status).toBe(200);
    for (const version of ['0x1', '1.0', '01', '%201', '1e0']) {
      expect((await page(`${record}/${version}/`)).status, version).toBe(404);
    }
  });

  it('filters the catalog by whole hours, and ignores hours that are not plain digits', async () => {
    const withinEight = [...commons.courses.values()].filter((course) => course.hours <= 8).length;
    expect((await page('/learn/?maxHours=8')).text).toMatch(new RegExp(`>${withinEight} courses match\\.<`));
    for (const hours of ['0x8', '8.0', '+8', '８']) {
      expect((await page(`/learn/?maxHours=${encodeURIComponent(hours)}`)).text, hours).not.toMatch(/courses? match/);
    }
  });

  it('checks an entry of the log by its number in digits, and asks for digits otherwise', async () => {
    expect((await page('/innovations/log/?index=0')).text).toContain('Included in the signed tree');
    const hex = await page('/innovations/log/?index=0x0');
    expect(hex.text).toContain('an entry number in plain digits');
    expect(hex.text).not.toContain('Included in the signed tree');
  });
});
