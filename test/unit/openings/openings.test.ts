import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '#domain/errors.ts';
import { rankApplicants } from '#domain/openings/application.ts';
import { atomFeed, sitemap, xmlEscape } from '#domain/openings/feeds.ts';
import { jobPosting, jsonLdScript, splitPlace } from '#domain/openings/job-posting.ts';
import { effectiveStatus, formatPay, type Opening, transition } from '#domain/openings/opening.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';

const now = new Date('2026-11-21T12:00:00Z');
const opening: Opening = {
  id: 'o1',
  syndicateId: 's1',
  title: 'Solar installer',
  description: 'Install panels.',
  skills: [
    { skill: 'pv-module-mounting', level: 'working' },
    { skill: 'renewable-energy-site-safety', level: 'foundation' },
  ],
  positions: 2,
  hoursPerWeek: 30,
  pay: [
    { amount: 2650, currency: 'GBP', per: 'hour' },
    { amount: 100, currency: 'HOURS', per: 'hour' },
  ],
  place: 'Bristol, GB',
  remote: false,
  applicantCountries: [],
  employmentType: 'CONTRACTOR',
  validThrough: '2026-12-20',
  status: 'open',
  filled: 0,
  version: 3,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  createdBy: 'p',
  datePosted: '2026-11-02T09:00:00.000Z',
};
const syndicate: Syndicate = {
  id: 's1',
  name: 'Severn Sun',
  trade: 'renewable-energy',
  description: 'Solar co-op',
  place: 'Bristol, GB',
  rateCard: [],
  createdAt: '',
  createdBy: 'p',
  memberCount: 3,
  adminCount: 1,
};

describe('an opening’s lifecycle', () => {
  it('expires by itself once its date has passed', () => {
    expect(effectiveStatus(opening, now)).toBe('open');
    expect(effectiveStatus({ ...opening, validThrough: '2026-11-20' }, now)).toBe('expired');
    expect(effectiveStatus({ ...opening, validThrough: '2026-11-21' }, now)).toBe('open');
  });

  it('goes draft → open → filled or closed, never back', () => {
    const draft = { ...opening, status: 'draft' as const, datePosted: undefined };
    const open = transition(draft, 'open', now);
    expect(open).toMatchObject({ status: 'open', datePosted: now.toISOString(), version: 4 });
    expect(() => transition({ ...opening, status: 'closed' }, 'open', now)).toThrow(RuleViolationError);
    expect(() => transition({ ...opening, status: 'filled' }, 'open', now)).toThrow(RuleViolationError);
  });

  it('refuses to publish an opening whose date has passed', () => {
    expect(() => transition({ ...opening, status: 'draft', validThrough: '2026-11-01' }, 'open', now)).toThrow(
      /future/,
    );
  });

  it('shows pay in each unit side by side', () => {
    expect(formatPay(opening.pay)).toBe('£26.50 per hour · 1 hour of labour per hour');
    expect(formatPay([{ amount: 1250, currency: 'BOUND', per: 'day' }])).toBe('12.5 Bound per day');
  });
});

describe('JobPosting structured data', () => {
  it('has every field Google for Jobs requires, and the pay', () => {
    const data = jobPosting(opening, syndicate, 'https://g.example', '<p>Install panels.</p>');
    expect(data).toMatchObject({
      '@type': 'JobPosting',
      title: 'Solar installer',
      description: '<p>Install panels.</p>',
      datePosted: opening.datePosted,
      validThrough: '2026-12-20T23:59:59Z',
      hiringOrganization: { '@type': 'Organization', name: 'Severn Sun' },
      jobLocation: { address: { addressLocality: 'Bristol', addressCountry: 'GB' } },
      baseSalary: { currency: 'GBP', value: { value: 26.5, unitText: 'HOUR' } },
    });
  });

  it('marks remote work as TELECOMMUTE with where applicants may live', () => {
    const data = jobPosting({ ...opening, remote: true, applicantCountries: ['GB', 'IE'] }, syndicate, 'https://g', '');
    expect(data).toMatchObject({
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [{ name: 'GB' }, { name: 'IE' }],
    });
    expect(data).not.toHaveProperty('jobLocation');
  });

  it('cannot be broken out of its script tag', () => {
    expect(jsonLdScript({ t: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });

  it('splits a place into locality and country', () => {
    expect(splitPlace('Valencia, ES')).toEqual({ locality: 'Valencia', country: 'ES' });
    expect(splitPlace('Remote')).toEqual({ locality: 'Remote' });
  });
});

describe('feeds', () => {
  it('escape everything a person wrote, and drop characters XML cannot carry', () => {
    expect(xmlEscape('a & <b> "c" \u0001')).toBe('a &amp; &lt;b&gt; &quot;c&quot; ');
    const xml = atomFeed({
      title: 'Openings',
      selfUrl: 'https://g/jobs/feed.xml',
      siteUrl: 'https://g',
      updated: now,
      items: [{ opening: { ...opening, title: 'Fish & <chips>' }, syndicate, summary: 'x' }],
    });
    expect(xml).toContain('<title>Fish &amp; &lt;chips&gt;</title>');
    expect(sitemap([{ loc: 'https://g/a?b=1&c=2' }])).toContain('<loc>https://g/a?b=1&amp;c=2</loc>');
  });
});

describe('ranking applicants', () => {
  const application = (personId: string, createdAt: string) => ({
    openingId: 'o1',
    syndicateId: 's1',
    personId,
    note: '',
    status: 'submitted' as const,
    createdAt,
    updatedAt: createdAt,
  });

  it('puts credentials above self-declared skills, and earlier applicants first on a tie', () => {
    const ranked = rankApplicants(opening, [
      {
        application: application('declared', '2026-11-01'),
        skills: { credentialed: [], declared: ['pv-module-mounting', 'renewable-energy-site-safety'] },
      },
      {
        application: application('credential', '2026-11-03'),
        skills: { credentialed: [{ skillId: 'pv-module-mounting', level: 'working' }], declared: [] },
      },
      { application: application('none', '2026-11-01'), skills: { credentialed: [], declared: [] } },
      {
        application: application('credential-early', '2026-11-02'),
        skills: { credentialed: [{ skillId: 'pv-module-mounting', level: 'proficient' }], declared: [] },
      },
    ]);
    expect(ranked.map((r) => r.applicant.application.personId)).toEqual([
      'credential-early',
      'credential',
      'declared',
      'none',
    ]);
    expect(ranked[1]).toMatchObject({ holds: 1, missing: ['renewable-energy-site-safety'] });
  });

  it('counts a credential below the asked level as less than one at it', () => {
    const ranked = rankApplicants(opening, [
      {
        application: application('below', '2026-11-01'),
        skills: { credentialed: [{ skillId: 'pv-module-mounting', level: 'foundation' }], declared: [] },
      },
      {
        application: application('at', '2026-11-02'),
        skills: { credentialed: [{ skillId: 'pv-module-mounting', level: 'working' }], declared: [] },
      },
    ]);
    expect(ranked.map((r) => r.applicant.application.personId)).toEqual(['at', 'below']);
    expect(ranked[1]?.matches[0]?.held).toBe('credential-below');
  });
});
