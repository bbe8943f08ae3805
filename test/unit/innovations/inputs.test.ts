// What the innovation routes accept: the ids, links, shares and amounts a draft, an adoption and a
// value report may carry, at their edges. Free text (titles, notes, methods) has its own tests.
import { englishIssues } from '../../support/issues.ts';
import { describe, expect, it } from 'vitest';
import { adoptionInputSchema, lapseCutoff, reportStatusLabel } from '#domain/innovations/adoption.ts';
import { ValidationError } from '#domain/errors.ts';
import {
  commonsIssues,
  innovationInputSchema,
  inventorIdsOf,
  listingOf,
  resolveShares,
  describeEffect,
  licenses,
} from '#domain/innovations/innovation.ts';
import { translator } from '#domain/i18n/catalogue.ts';
import type { InnovationVersion } from '#domain/innovations/innovation.ts';
import { thrown } from '../../support/thrown.ts';
import { draftInput } from './fixtures.ts';

const draft = (change: Record<string, unknown>) => ({ ...draftInput([{ personId: 'ana' }]), ...change });
/** The issues a refused draft names, as `path: message`. */
const refusal = (change: Record<string, unknown>) =>
  innovationInputSchema()
    .safeParse(draft(change))
    .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the commons ids a draft names', () => {
  it.each(['care-shift-handover', 'a', 'repair2-fault-finding', '3d-printing'])('accepts %s', (id) => {
    expect(refusal({ practice: id, skills: [id] })).toBeUndefined();
  });

  it.each(['Care-shift', 'care shift', '-care', 'care-', 'care--shift', 'x/care', 'care-shift.md', ''])(
    'refuses "%s", saying what an id looks like',
    (id) => {
      expect(refusal({ practice: id })).toEqual([
        'practice: Use a commons id: lowercase words joined by hyphens, such as care-shift-handover.',
      ]);
    },
  );

  it('names skills and a practice the commons does not have, each by its field', () => {
    const known = { practices: new Map([['care-shift-handover', {}]]), skills: new Map([['lifting', {}]]) };
    expect(commonsIssues({ practice: 'care-shift-handover', skills: ['lifting'] }, known)).toEqual([]);
    expect(commonsIssues({ practice: undefined, skills: [] }, known)).toEqual([]);
    const issues = commonsIssues({ practice: 'night-shifts', skills: ['lifting', 'juggling', 'welding'] }, known);
    expect(issues.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'body.practice', message: 'unknown practice guide "night-shifts"' },
      { field: 'body.skills.1', message: 'unknown skill "juggling"' },
      { field: 'body.skills.2', message: 'unknown skill "welding"' },
    ]);
    expect(issues.map((issue) => issue.wordsIn?.('es'))).toEqual([
      'no hay ninguna guía práctica "night-shifts"',
      'no hay ninguna competencia "juggling"',
      'no hay ninguna competencia "welding"',
    ]);
  });

  it('takes no skills and no evidence when none are sent', () => {
    const { skills: _skills, evidence: _evidence, ...rest } = draftInput([{ personId: 'ana' }]);
    expect(innovationInputSchema().parse(rest)).toMatchObject({ skills: [], evidence: [] });
  });

  it('takes at most ten skills and ten links', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `skill-${i}`);
    expect(refusal({ skills: ids.slice(0, 10) })).toBeUndefined();
    expect(refusal({ skills: ids })).toHaveLength(1);
    const links = ids.map((id) => `https://example.org/${id}`);
    expect(refusal({ evidence: links.slice(0, 10) })).toBeUndefined();
    expect(refusal({ evidence: links })).toHaveLength(1);
  });
});

describe('the evidence a draft links', () => {
  it.each(['https://example.org/study', 'http://example.org/study'])('accepts a web link: %s', (link) => {
    expect(refusal({ evidence: [link] })).toBeUndefined();
  });

  it.each(['ftp://example.org/study', 'git+https://example.org/study', 'httpx://example.org', 'javascript:alert(1)'])(
    'refuses a link that is not http or https: %s',
    (link) => {
      expect(refusal({ evidence: [link] })).toEqual([
        'evidence.0: Enter a web address starting with https:// or http://.',
      ]);
    },
  );
});

describe('the shares a draft gives its inventors', () => {
  it('accepts shares from 0 to 10,000 basis points', () => {
    const inventors = [
      { personId: 'ana', basisPoints: 10_000 },
      { personId: 'ben', basisPoints: 0 },
    ];
    expect(innovationInputSchema().parse(draft({ inventors })).inventors).toEqual(inventors);
  });

  it.each([-1, 10_001, 0.5])('refuses a share of %d basis points', (basisPoints) => {
    expect(refusal({ inventors: [{ personId: 'ana', basisPoints }] })).toEqual([
      expect.stringMatching(/^inventors\.0\.basisPoints: /),
    ]);
  });

  it('takes from one to twenty inventors, so a settlement fits one transaction', () => {
    const people = Array.from({ length: 21 }, (_, i) => ({ personId: `p${i}` }));
    expect(refusal({ inventors: people.slice(0, 20) })).toBeUndefined();
    expect(refusal({ inventors: people })).toHaveLength(1);
    expect(refusal({ inventors: [] })).toHaveLength(1);
  });

  it('says the shares do not divide a whole when they do not', () => {
    const error = thrown(() => resolveShares([{ personId: 'a', basisPoints: 9000 }], 'inventors'), ValidationError);
    expect(error.message).toBe('The shares do not divide a whole.');
    expect(englishIssues(error.issues)).toEqual([
      { field: 'inventors', message: 'basis points must sum to 10000, not 9000' },
    ]);
  });
});

describe('what a record shows of its newest version', () => {
  const version = {
    ...draftInput([]),
    inventors: [
      { personId: 'ben', basisPoints: 4000 },
      { personId: 'ana', basisPoints: 6000 },
    ],
  } as InnovationVersion;

  it('lists its inventors in the order the version gives them', () => {
    expect(inventorIdsOf(version)).toEqual(['ben', 'ana']);
  });

  it('copies the title, practice and skills to the listing', () => {
    expect(listingOf(version)).toEqual({ title: version.title, practice: version.practice, skills: version.skills });
  });

  it.each([
    [45, 30, '−33.3%'],
    [4, 5, '+25%'],
    [4, 4, '0%'],
  ])('shows a change from %d to %d as %s', (before, after, change) => {
    expect(describeEffect({ unit: 'u', before, after, method: 'm' })).toBe(`u: ${before} → ${after} (${change})`);
  });

  it('names each licence in full, in each language', () => {
    const names = (locale: 'en' | 'es' | 'nl') => licenses.map((licence) => translator(locale)(`licence.${licence}`));
    expect(names('en')).toEqual([
      'Creative Commons Attribution 4.0',
      'Creative Commons Attribution-ShareAlike 4.0',
      'CC0 1.0 (public domain dedication)',
    ]);
    expect(names('es')).toEqual([
      'Creative Commons Atribución 4.0',
      'Creative Commons Atribución-CompartirIgual 4.0',
      'CC0 1.0 (dedicación al dominio público)',
    ]);
    expect(names('nl')).toEqual([
      'Creative Commons Naamsvermelding 4.0',
      'Creative Commons Naamsvermelding-GelijkDelen 4.0',
      'CC0 1.0 (verklaring tot publiek domein)',
    ]);
  });
});

describe('an adoption', () => {
  const adoption = (change: Record<string, unknown>) =>
    adoptionInputSchema().safeParse({ syndicateId: 'mill', implementers: [{ personId: 'ana' }], ...change });

  it('names the adopting syndicate by its id, which cannot be empty or overlong', () => {
    expect(adoption({ syndicateId: 'mill' }).success).toBe(true);
    expect(adoption({ syndicateId: 'x'.repeat(101) }).success).toBe(false);
    expect(adoption({ syndicateId: '' }).success).toBe(false);
  });

  it('keeps a note of up to 2,000 characters, trimmed, and none when none is sent', () => {
    expect(adoption({}).data?.note).toBe('');
    expect(adoption({ note: '  Adopted at both benches.  ' }).data?.note).toBe('Adopted at both benches.');
    expect(adoption({ note: 'x'.repeat(2000) }).success).toBe(true);
    expect(adoption({ note: 'x'.repeat(2001) }).success).toBe(false);
  });

  it('refuses fields the server owns', () => {
    expect(adoption({ adoptedBy: 'mallory' }).success).toBe(false);
  });
});

describe('a value report’s window', () => {
  it('counts as lapsed any report made at least the window before now', () => {
    expect(lapseCutoff(new Date('2026-11-21T12:00:00.000Z'), 14)).toBe('2026-11-07T12:00:00.000Z');
    expect(lapseCutoff(new Date('2026-11-21T12:00:00.000Z'), 1)).toBe('2026-11-20T12:00:00.000Z');
  });

  it('names each status in words', () => {
    expect(reportStatusLabel).toEqual({
      pending: 'Awaiting decisions',
      confirmed: 'Confirmed, not yet settled',
      disputed: 'Disputed',
      settled: 'Settled',
    });
  });
});
