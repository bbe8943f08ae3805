import { describe, expect, it } from 'vitest';
import { defaultPrivacy, type Visibility } from '#domain/people/profile.ts';
import { canSee, type Relation, relationOf, visibleSections } from '#domain/people/visibility.ts';

describe('who sees a section of a profile', () => {
  const table: Array<[Visibility, Relation, boolean]> = [
    ['public', 'outsider', true],
    ['public', 'co-member', true],
    ['public', 'applicant', true],
    ['public', 'self', true],
    ['members', 'outsider', false],
    ['members', 'co-member', true],
    ['members', 'applicant', true],
    ['members', 'self', true],
    ['private', 'outsider', false],
    ['private', 'co-member', false],
    ['private', 'applicant', false],
    ['private', 'self', true],
  ];
  it.each(table)('a %s section is shown to the %s: %s', (setting, relation, shown) => {
    expect(canSee(setting, relation)).toBe(shown);
  });

  it('shows nothing but the name to an outsider until the person chooses (privacy by default)', () => {
    expect(visibleSections(defaultPrivacy, 'outsider')).toEqual([]);
    expect(visibleSections(defaultPrivacy, 'co-member')).toHaveLength(6);
  });

  it('keeps each section to its own setting', () => {
    const privacy = { ...defaultPrivacy, skills: 'public' as const, courses: 'private' as const };
    expect(visibleSections(privacy, 'outsider')).toEqual(['skills']);
    expect(visibleSections(privacy, 'co-member')).not.toContain('courses');
    expect(visibleSections(privacy, 'self')).toContain('courses');
  });

  it('shows the admins of a syndicate a person applied to what members see, never what is private', () => {
    const privacy = { ...defaultPrivacy, about: 'public' as const, courses: 'private' as const };
    expect(visibleSections(privacy, 'applicant')).toEqual([
      'about',
      'credentials',
      'skills',
      'syndicates',
      'innovations',
    ]);
  });
});

describe('how a viewer stands to a person', () => {
  it.each([
    ['the person themselves', 'ada', ['x'], ['x'], 'self'],
    ['a visitor who is not signed in', null, ['x'], [], 'outsider'],
    ['someone sharing an active syndicate', 'bram', ['x', 'y'], ['z', 'y'], 'co-member'],
    ['someone in other syndicates only', 'bram', ['x'], ['z'], 'outsider'],
    ['someone when neither has a syndicate', 'bram', [], [], 'outsider'],
  ] as const)('%s is %s', (_who, viewer, hers, theirs, relation) => {
    expect(relationOf('ada', viewer, hers, theirs)).toBe(relation);
  });

  it.each([
    ['an admin of a syndicate she applied to', 'bram', ['x'], ['z'], 'applicant'],
    ['an admin who also shares a syndicate with her', 'bram', ['x'], ['x'], 'co-member'],
    ['herself, even as her own applicant', 'ada', [], [], 'self'],
    ['a visitor who is not signed in', null, [], [], 'outsider'],
  ] as const)(
    'with an open application to the viewer’s syndicate, %s is %s',
    (_who, viewer, hers, theirs, relation) => {
      expect(relationOf('ada', viewer, hers, theirs, true)).toBe(relation);
    },
  );
});
