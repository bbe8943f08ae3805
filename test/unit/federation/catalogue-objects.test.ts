// A commons' catalogue and daily shortage snapshot as the Documents its followers are sent (the agreed
// formats: ARCHITECTURE.md, Federation, "Courses and shortages"), and what a start announces of them.
import { describe, expect, it } from 'vitest';
import {
  announceActions,
  catalogueCourse,
  catalogueDigest,
  catalogueEntry,
  catalogueSlugs,
  catalogueUrl,
  courseDocument,
  shortageRows,
  shortagesDocument,
} from '#domain/federation/catalogue-objects.ts';
import { commons } from '../../support/services.ts';
import { defined } from '../../support/defined.ts';

const origin = 'https://a.example';
const ids = {
  origin,
  courseOf: (slug: string) => `${origin}/api/federation/courses/${slug}`,
  shortagesOf: (day: string) => `${origin}/api/federation/shortages/${day}`,
  serviceActor: `${origin}/api/federation/actors/_instance`,
  serviceFollowers: `${origin}/api/federation/actors/_instance/followers`,
  activityBase: `${origin}/api/federation/activities`,
};
const firstCourse = defined([...commons.courses.values()][0], 'such entry in the commons');
const firstGuide = defined([...commons.practices.values()][0], 'such entry in the commons');

describe('a course or practice guide as a Document', () => {
  it('finds a course, then a guide, by its slug, and nothing for another', () => {
    expect(catalogueEntry(commons, firstCourse.id)).toEqual({ kind: 'course', course: firstCourse });
    expect(catalogueEntry(commons, firstGuide.id)).toEqual({ kind: 'guide', guide: firstGuide });
    expect(catalogueEntry(commons, 'no-such-course')).toBeNull();
  });

  it('lists every course and guide once, and no slug is both a course and a guide', () => {
    const slugs = catalogueSlugs(commons);
    expect(slugs).toHaveLength(commons.courses.size + commons.practices.size);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('carries the entry as its page shows it, its skills with the ESCO URI the commons maps', () => {
    const mapped = defined(
      [...commons.courses.values()].find((c) => c.skills.some((s) => commons.skills.get(s.skill)?.esco)),
      'such entry in the commons',
    );
    const document = courseDocument({ kind: 'course', course: mapped }, commons, ids, '2026-12-01T00:00:00.000Z');
    expect(document).toMatchObject({
      id: `${origin}/api/federation/courses/${mapped.id}`,
      type: 'Document',
      attributedTo: ids.serviceActor,
      cc: [ids.serviceFollowers],
      name: mapped.title,
      url: `${origin}/learn/${mapped.id}/`,
      updated: '2026-12-01T00:00:00.000Z',
      'guildhall:type': 'course',
    });
    const course = document['guildhall:course'];
    expect(course).toMatchObject({
      kind: 'course',
      title: mapped.title,
      summary: mapped.summary,
      trade: mapped.trade,
      licence: 'CC-BY-SA-4.0',
      hours: mapped.hours,
    });
    expect(course.languages[0]).toBe('en');
    const skill = defined(
      mapped.skills.find((s) => commons.skills.get(s.skill)?.esco),
      'mapped skill',
    ).skill;
    expect(course.skills).toContainEqual({
      id: skill,
      esco: defined(commons.skills.get(skill), 'skill').esco,
      label: defined(commons.skills.get(skill), 'skill').label,
    });
  });

  it('links a guide to its practice page, in English, with no hours', () => {
    const document = courseDocument({ kind: 'guide', guide: firstGuide }, commons, ids, '2026-12-01T00:00:00.000Z');
    expect(document.url).toBe(`${origin}/learn/practices/${firstGuide.id}/`);
    expect(document['guildhall:course']).toMatchObject({ kind: 'guide', languages: ['en'], title: firstGuide.title });
    expect(document['guildhall:course']).not.toHaveProperty('hours');
  });

  it('escapes every text in its HTML content, and links the page', () => {
    const course = { ...firstCourse, title: '<script>x</script>', summary: 'A & "B"' };
    const { content } = courseDocument({ kind: 'course', course }, commons, ids, '2026-12-01T00:00:00.000Z');
    expect(content).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(content).toContain('A &amp; &quot;B&quot;');
    expect(content).not.toContain('<script>');
    expect(content).toContain(`<a href="${origin}/learn/${firstCourse.id}/">`);
  });

  it('has a digest that changes with what a follower sees, and only with that', () => {
    const entry = { kind: 'course' as const, course: firstCourse };
    const url = catalogueUrl(origin, entry);
    const digest = catalogueDigest(catalogueCourse(entry, commons), url);
    expect(catalogueDigest(catalogueCourse({ kind: 'course', course: { ...firstCourse } }, commons), url)).toBe(digest);
    const retitled = { kind: 'course' as const, course: { ...firstCourse, title: `${firstCourse.title} (2)` } };
    expect(catalogueDigest(catalogueCourse(retitled, commons), url)).not.toBe(digest);
    const longer = { kind: 'course' as const, course: { ...firstCourse, hours: firstCourse.hours + 1 } };
    expect(catalogueDigest(catalogueCourse(longer, commons), url)).not.toBe(digest);
    // A lesson's text is not in the Document: changing it is no Update.
    const quiz = { kind: 'course' as const, course: { ...firstCourse, passMark: 0.99 } };
    expect(catalogueDigest(catalogueCourse(quiz, commons), url)).toBe(digest);
  });
});

describe('a day’s shortage snapshot as a Document', () => {
  const skillIds = [...commons.skills.keys()];
  const mapped = defined(
    [...commons.skills.values()].find((s) => s.esco),
    'such entry in the commons',
  );
  const esco = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001';

  it('keeps the 100 scarcest rows, scarcest first, leaving out skills nobody asks for or holds', () => {
    const skills = Object.fromEntries(
      skillIds.slice(0, 150).map((id, i) => [id, { score: i % 7, demand: i % 7, supply: 1 }]),
    );
    const unasked = defined(skillIds[0], 'skill');
    skills[unasked] = { score: 0, demand: 0, supply: 0 };
    const rows = shortageRows({ skills }, commons);
    expect(rows).toHaveLength(100);
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((a, b) => b - a));
    expect(rows.map((r) => r.skill.id)).not.toContain(unasked);
    // Equal scores keep one order, whatever order the snapshot listed them in.
    const reversed = Object.fromEntries(Object.entries(skills).reverse());
    expect(shortageRows({ skills: reversed }, commons)).toEqual(rows);
  });

  it('names a commons skill with its label and ESCO URI, an ESCO skill by its URI and the label search gave', () => {
    const rows = shortageRows(
      { skills: { [mapped.id]: { score: 2, demand: 2, supply: 0 }, [esco]: { score: 1, demand: 1, supply: 0 } } },
      commons,
      new Map([[esco, 'pruning trees']]),
    );
    expect(rows).toEqual([
      { skill: { id: mapped.id, esco: mapped.esco, label: mapped.label }, demand: 2, supply: 0, score: 2 },
      { skill: { id: esco, esco, label: 'pruning trees' }, demand: 1, supply: 0, score: 1 },
    ]);
    expect(shortageRows({ skills: { [esco]: { score: 1, demand: 1, supply: 0 } } }, commons)[0]?.skill.label).toBe(
      esco,
    );
  });

  it('carries its day, host and figures at the dated id', () => {
    const document = shortagesDocument(
      {
        day: '2026-12-06',
        skills: { [mapped.id]: { score: 2, demand: 2, supply: 0 } },
        trades: {},
        members: 12,
        openPositions: 4,
      },
      commons,
      ids,
    );
    expect(document).toMatchObject({
      id: `${origin}/api/federation/shortages/2026-12-06`,
      type: 'Document',
      published: '2026-12-06T23:59:59Z',
      'guildhall:type': 'shortages',
      'guildhall:shortages': { date: '2026-12-06', instance: 'a.example', members: 12, openPositions: 4 },
    });
    expect(document['guildhall:shortages'].rows).toHaveLength(1);
  });
});

describe('what a start announces', () => {
  it('creates the new, updates the changed, deletes the gone, and leaves the same alone', () => {
    const current = new Map([
      ['same', 'd1'],
      ['changed', 'd2-new'],
      ['new', 'd3'],
      ['back', 'd5'],
    ]);
    const announced = [
      { slug: 'same', digest: 'd1', updated: 't' },
      { slug: 'changed', digest: 'd2', updated: 't' },
      { slug: 'gone', digest: 'd4', updated: 't' },
      { slug: 'back', digest: 'd5', updated: 't', deleted: true },
      { slug: 'long-gone', digest: 'd6', updated: 't', deleted: true },
    ];
    expect(announceActions(current, announced)).toEqual([
      { type: 'Update', slug: 'changed', digest: 'd2-new' },
      { type: 'Create', slug: 'new', digest: 'd3' },
      { type: 'Create', slug: 'back', digest: 'd5' },
      { type: 'Delete', slug: 'gone', digest: 'd4' },
    ]);
  });
});
