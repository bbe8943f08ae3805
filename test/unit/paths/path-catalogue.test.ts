import { describe, expect, it } from 'vitest';
import type { Skill } from '#domain/content/commons.ts';
import { compactPaths, expandPaths } from '#domain/paths/compact-paths.ts';
import { pathSlug } from '#domain/paths/occupation-path.ts';
import { parseOccupationsFile } from '#domain/paths/occupations-file.ts';
import { buildPaths } from '#domain/paths/path-catalogue.ts';
import type { CommonsOccupation } from '#domain/paths/occupations-file.ts';

const base = 'http://data.europa.eu/esco/';
const sockets = 'skill/00000000-0000-0000-0000-0000000000a1';
const isolate = 'skill/00000000-0000-0000-0000-0000000000a2';
const code = 'skill/00000000-0000-0000-0000-0000000000a3';
const electrician = 'occupation/00000000-0000-0000-0000-0000000000b1';
const developer = 'occupation/00000000-0000-0000-0000-0000000000b2';
const esco = {
  skills: [
    [sockets, 'install electricity sockets'],
    [isolate, 'isolate circuits'],
    [code, 'write code'],
  ] as Array<[string, string]>,
  occupations: [
    [electrician, 'domestic electrician'],
    [developer, 'ICT application developer'],
  ] as Array<[string, string]>,
  occupationSkills: { [electrician]: [isolate, sockets], [developer]: [code, 'skill/not-in-the-file'] },
};
const skill = (id: string, esco?: string) =>
  [id, { id, label: `Label of ${id}`, trade: 'electrical-installation', esco } as Skill] as const;
const commons = { skills: new Map([skill('safe-isolation', base + isolate), skill('circuits')]) };
const occupation = (over: Partial<CommonsOccupation> = {}): CommonsOccupation => ({
  id: 'electrician',
  label: 'Electrician',
  description: 'Installs and tests circuits in homes.',
  trade: 'electrical-installation',
  esco: base + electrician,
  skills: ['safe-isolation', 'circuits'],
  escoSkills: [base + sockets],
  review: 'Read beside ESCO domestic electrician.',
  ...over,
});

describe('the paths catalogue', () => {
  it('builds a commons occupation from its skills, its ESCO skills, then the playground skills not yet on it', () => {
    const { paths, issues } = buildPaths([occupation()], commons, esco);
    expect(issues).toEqual([]);
    const [path] = paths;
    expect(path?.skills.map((s) => [s.id, s.commons])).toEqual([
      ['safe-isolation', ['safe-isolation']],
      ['circuits', ['circuits']],
      [base + sockets, []],
    ]);
  });

  it('makes a path of each other ESCO occupation with skills, its id from its label, leaving out unknown skills', () => {
    const { paths } = buildPaths([occupation()], commons, esco);
    expect(paths.map((p) => [p.id, p.source])).toEqual([
      ['electrician', 'commons'],
      ['ict-application-developer', 'esco'],
    ]);
    expect(paths[1]?.skills.map((s) => s.label)).toEqual(['write code']);
  });

  it('links an ESCO skill of a playground path to the commons skills that match it', () => {
    const { paths } = buildPaths([], commons, esco);
    const path = paths.find((p) => p.label === 'domestic electrician');
    expect(path?.skills.find((s) => s.id === base + isolate)?.commons).toEqual(['safe-isolation']);
  });

  it.each([
    [{ skills: ['no-such-skill'] }, 'occupations.0.skills.0', /unknown skill id "no-such-skill"/],
    [
      { escoSkills: [`${base}skill/00000000-0000-0000-0000-00000000ffff`] },
      'occupations.0.escoSkills.0',
      /not an ESCO skill/,
    ],
    [
      { escoSkills: [base + isolate] },
      'occupations.0.escoSkills.0',
      /commons skill "safe-isolation": list that under skills/,
    ],
    [
      { esco: `${base}occupation/00000000-0000-0000-0000-00000000ffff` },
      'occupations.0.esco',
      /not an ESCO occupation/,
    ],
    [{ skills: ['circuits', 'circuits'] }, 'occupations.0.skills.1', /listed twice/],
  ])('refuses %j, naming %s', (over, field, message) => {
    const { issues } = buildPaths([occupation(over)], commons, esco);
    expect(issues).toEqual([{ file: 'occupations.yaml', field, message: expect.stringMatching(message) }]);
  });

  it('refuses two occupations with one id or one ESCO occupation', () => {
    const { issues } = buildPaths(
      [occupation(), occupation({ id: 'electrician' }), occupation({ id: 'sparky' })],
      commons,
      esco,
    );
    expect(issues.map((i) => i.field)).toEqual(['occupations.1.id', 'occupations.1.esco', 'occupations.2.esco']);
  });

  it('keeps apart two ESCO occupations whose labels make one id', () => {
    const twin = 'occupation/00000000-0000-0000-0000-0000000000b3';
    const { paths } = buildPaths([], commons, {
      ...esco,
      occupations: [...esco.occupations, [twin, 'ICT application developer!']],
      occupationSkills: { [developer]: [code], [twin]: [code] },
    });
    expect(new Set(paths.map((p) => p.id)).size).toBe(2);
  });

  it('reads back the same paths from their compact form', () => {
    const { paths } = buildPaths([occupation()], commons, esco);
    expect([...expandPaths(compactPaths(paths), commons.skills).values()]).toEqual(paths);
  });
});

describe('the occupations file', () => {
  it('names the field of an occupation that is not valid', () => {
    const { issues } = parseOccupationsFile('occupations:\n  - id: Bad Id\n    label: x\n');
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['occupations.0.id', 'occupations.0.review']));
    expect(issues.every((i) => i.file === 'occupations.yaml')).toBe(true);
  });

  it('says the file is not YAML', () => {
    expect(parseOccupationsFile('occupations: [').issues[0]?.message).toMatch(/not valid YAML/);
  });

  it('makes ids of lowercase words and hyphens from ESCO labels', () => {
    expect(pathSlug('ICT security administrator')).toBe('ict-security-administrator');
    expect(pathSlug('postman/postwoman — café')).toBe('postman-postwoman-cafe');
  });
});
