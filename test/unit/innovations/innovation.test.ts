import { describe, expect, it } from 'vitest';
import {
  disputeDeadline,
  effectiveReportStatus,
  isSettleable,
  lapseCutoff,
  valueReportInputSchema,
} from '#domain/innovations/adoption.ts';
import { ValidationError } from '#domain/errors.ts';
import { describeEffect, innovationInputSchema, resolveShares } from '#domain/innovations/innovation.ts';
import { canonicalJson, contentHash } from '#domain/innovations/log-events.ts';
import type { InnovationVersion } from '#domain/innovations/innovation.ts';
import { thrown } from '../../support/thrown.ts';
import { draftInput, reportInput } from './fixtures.ts';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('an innovation draft', () => {
  it('accepts the fixture as valid input', () => {
    expect(innovationInputSchema().safeParse(draftInput([{ personId: 'ana' }])).success).toBe(true);
  });

  it.each([
    ['links evidence that is not on the web', { evidence: ['javascript:alert(1)'] }, 'evidence.0'],
    ['has no inventors', { inventors: [] }, 'inventors'],
    ['sets what the server owns', { status: 'published' }, ''],
    ['has an unknown licence', { license: 'all-rights-reserved' }, 'license'],
  ])('is refused when it %s', (_case, change, path) => {
    const result = innovationInputSchema().safeParse({ ...draftInput([{ personId: 'ana' }]), ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('gives equal shares when none are given, whatever the order', () => {
    expect(resolveShares([{ personId: 'c' }, { personId: 'a' }, { personId: 'b' }], 'inventors')).toEqual([
      { personId: 'c', basisPoints: 3333 },
      { personId: 'a', basisPoints: 3334 },
      { personId: 'b', basisPoints: 3333 },
    ]);
  });

  it('keeps given shares that sum to a whole, and refuses the rest', () => {
    const given = [
      { personId: 'a', basisPoints: 7500 },
      { personId: 'b', basisPoints: 2500 },
    ];
    expect(resolveShares(given, 'inventors')).toEqual(given);
    const partial = issuesOf(() =>
      resolveShares([{ personId: 'a', basisPoints: 7500 }, { personId: 'b' }], 'inventors'),
    );
    expect(partial?.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'inventors', message: 'give a share for everyone, or for no one (equal shares)' },
    ]);
    expect(partial?.[0]?.wordsIn?.('es')).toBe(
      'da una participación a cada persona, o a ninguna (participaciones iguales)',
    );
    expect(() => resolveShares([{ personId: 'a', basisPoints: 9000 }], 'inventors')).toThrow(ValidationError);
    const short = thrown(() => resolveShares([{ personId: 'a', basisPoints: 9000 }], 'inventors'), ValidationError);
    expect(short.message).toBe('The shares do not divide a whole.');
    expect(short.wordsIn?.('nl')).toBe('De aandelen vormen samen geen geheel.');
    expect(() => resolveShares([{ personId: 'a' }, { personId: 'a' }], 'inventors')).toThrow(ValidationError);
  });

  it('describes its measured effect with the change in percent', () => {
    expect(describeEffect({ unit: 'minutes', before: 45, after: 30, method: 'x' })).toBe('minutes: 45 → 30 (−33.3%)');
    expect(describeEffect({ unit: 'jobs a day', before: 4, after: 5, method: 'x' })).toBe('jobs a day: 4 → 5 (+25%)');
    expect(describeEffect({ unit: 'errors', before: 0, after: 0, method: 'x' })).toBe('errors: 0 → 0');
  });
});

describe('the content hash a publication logs', () => {
  const version = {
    ...draftInput([]),
    inventors: [{ personId: 'ana', basisPoints: 10000 }],
    innovationId: 'rec',
    version: 1,
    status: 'published',
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'ana',
    updatedAt: '2026-11-01T00:00:00.000Z',
    acceptedBy: ['ana'],
    invited: [],
    rev: 2,
    termsRev: 1,
  } satisfies InnovationVersion;

  it('changes with any public field and ignores bookkeeping', () => {
    const base = contentHash(version);
    expect(contentHash({ ...version, updatedAt: '2027-01-01T00:00:00.000Z' })).toBe(base);
    // Consent is recorded beside the content, so versions published before it was asked still verify.
    expect(contentHash({ ...version, acceptedBy: [], invited: ['ben'], rev: 7, termsRev: 7 })).toBe(base);
    for (const change of [
      { title: 'Other title' },
      { license: 'CC0-1.0' as const },
      { replaces: 1 },
      { evidence: [] },
    ]) {
      expect(contentHash({ ...version, ...change }), JSON.stringify(change)).not.toBe(base);
    }
  });

  it('is the same whatever order the fields were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});

describe('a value report', () => {
  const now = new Date('2026-11-21T12:00:00.000Z');
  const report = { status: 'pending' as const, reportedAt: '2026-11-07T12:00:00.000Z' };

  it('counts as confirmed once the window has passed undisputed, not a moment before', () => {
    expect(disputeDeadline(report, 14).toISOString()).toBe('2026-11-21T12:00:00.000Z');
    expect(effectiveReportStatus(report, new Date(now.getTime() - 1), 14)).toBe('pending');
    expect(effectiveReportStatus(report, now, 14)).toBe('confirmed');
    expect(isSettleable(report, now, 14)).toBe(true);
    expect(report.reportedAt <= lapseCutoff(now, 14)).toBe(true);
  });

  it('stays disputed or settled whatever the time', () => {
    for (const status of ['disputed', 'settled'] as const) {
      expect(effectiveReportStatus({ ...report, status }, now, 1)).toBe(status);
      expect(isSettleable({ ...report, status }, now, 1)).toBe(false);
    }
  });

  it('takes amounts as whole minor units, as a number or as a string of digits', () => {
    expect(valueReportInputSchema().parse(reportInput(1250)).amount).toBe(1250n);
    expect(valueReportInputSchema().parse(reportInput('100000000000000')).amount).toBe(100_000_000_000_000n);
    // Over a trillion Bound is schema-valid but refused by the use case (422): see innovations-rules.
    for (const amount of [0, -5, 12.5, '12.50', '0012', 1e20]) {
      expect(valueReportInputSchema().safeParse(reportInput(amount)).success, String(amount)).toBe(false);
    }
  });
});
