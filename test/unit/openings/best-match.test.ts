import { describe, expect, it } from 'vitest';
import type { Commons, Course, Skill } from '#domain/content/commons.ts';
import {
  compareMatches,
  matchOf,
  rankMatches,
  type Seeker,
  shortageSkills,
  skillsHeld,
} from '#domain/openings/best-match.ts';
import { broaderSearches, nearbyTrades } from '#domain/openings/broader-searches.ts';
import { goalFrom, goalPhrase, goalSkills, listInWords } from '#domain/people/goal.ts';
import { ValidationError } from '#domain/errors.ts';
import { translator } from '#domain/i18n/catalogue.ts';
import { thrown } from '../../support/thrown.ts';

const skill = (id: string, label: string, trade: Skill['trade']): Skill =>
  ({ id, label, trade, description: '', related: [] }) as Skill;
const course = (id: string, title: string, hours: number, skills: string[]): Course =>
  ({ id, title, hours, skills: skills.map((s) => ({ skill: s, level: 'foundation' })) }) as unknown as Course;
const commons: Pick<Commons, 'skills' | 'courses' | 'trades'> = {
  skills: new Map(
    [
      skill('framing', 'Timber framing', 'construction'),
      skill('boarding', 'Plasterboard hanging', 'construction'),
      skill('safety', 'Site safety', 'construction'),
      skill('haccp', 'HACCP', 'food'),
    ].map((s) => [s.id, s]),
  ),
  courses: new Map(
    [
      course('long-walls', 'Partition walls in depth', 40, ['boarding', 'framing']),
      course('walls', 'Timber stud partition walls', 12, ['boarding']),
    ].map((c) => [c.id, c]),
  ),
  trades: [{ id: 'construction', label: 'Construction', description: '' }] as Commons['trades'],
};
const seeker = (held: string[], goal: string[] = [], shortage: string[] = [], phrase?: string): Seeker => ({
  held: new Set(held),
  goal: new Set(goal),
  goalPhrase: phrase,
  shortage: new Set(shortage),
});

describe('best match for me', () => {
  it.each([
    [['framing', 'boarding', 'safety'], seeker(['framing', 'safety']), 'You hold 2 of 3 skills.'],
    [['haccp'], seeker(['framing']), 'You hold 0 of 1 skill.'],
    [
      ['framing', 'safety'],
      seeker(['safety'], ['framing'], [], 'you aim to work in construction'),
      'You hold 1 of 2 skills; because you aim to work in construction.',
    ],
    [
      ['framing', 'boarding'],
      seeker([], [], ['framing', 'boarding']),
      'You hold 0 of 2 skills; Timber framing and Plasterboard hanging are in shortage.',
    ],
  ])('explains the match of an opening asking for %j in words', (skills, who, reason) => {
    expect(matchOf(skills, who, commons).reason).toBe(reason);
  });

  it('ranks by goal first, then the share of skills held, then shortage, then the newest posting', () => {
    const who = seeker(['safety', 'haccp'], ['framing'], ['boarding'], 'you aim for Timber framing');
    const openings = [
      { id: 'holds-all', skills: ['safety', 'haccp'], posted: '2026-11-05' },
      { id: 'aimed', skills: ['framing', 'boarding'], posted: '2026-11-01' },
      { id: 'aimed-and-held', skills: ['framing', 'safety'], posted: '2026-11-01' },
      { id: 'scarce', skills: ['boarding', 'haccp'], posted: '2026-11-02' },
      { id: 'half-newer', skills: ['safety', 'other'], posted: '2026-11-03' },
      { id: 'half-older', skills: ['haccp', 'other'], posted: '2026-11-02' },
    ];
    const ranked = rankMatches(openings, (o) => o, who, commons).map((r) => r.item.id);
    expect(ranked).toEqual(['aimed-and-held', 'aimed', 'holds-all', 'scarce', 'half-newer', 'half-older']);
  });

  it('counts a skill an opening repeats once', () => {
    const a = rankMatches(
      [{ skills: ['safety', 'safety', 'haccp'], posted: 'x' }],
      (o) => o,
      seeker(['safety']),
      commons,
    );
    expect(a[0]?.match.reason).toBe('You hold 1 of 2 skills.');
    expect(compareMatches(a[0] as never, a[0] as never)).toBe(0);
  });

  it('counts as in shortage only the ten scarcest skills with open demand', () => {
    const ranking = [
      { skill: 'a', rank: 1, demand: 2 },
      { skill: 'b', rank: 10, demand: 0.1 },
      { skill: 'c', rank: 11, demand: 3 },
      { skill: 'd', rank: 2, demand: 0 },
    ];
    expect([...shortageSkills(ranking)]).toEqual(['a', 'b']);
  });
});

describe('the skills of an opening a person holds', () => {
  it('lists those held and, for each missing one, the shortest course that teaches it', () => {
    const asked = ['framing', 'safety', 'boarding', 'haccp'].map((skill) => ({ skill }));
    const result = skillsHeld(asked, new Set(['safety', 'framing']), commons);
    expect(result.total).toBe(4);
    expect(result.held.map((s) => s.label)).toEqual(['Timber framing', 'Site safety']);
    expect(result.missing).toEqual([
      {
        skill: 'boarding',
        label: 'Plasterboard hanging',
        course: { id: 'walls', title: 'Timber stud partition walls' },
      },
      { skill: 'haccp', label: 'HACCP' },
    ]);
  });

  it('names an ESCO skill the opening asks for by ESCO’s label, and counts it held when declared', () => {
    const uri = 'http://data.europa.eu/esco/skill/d809a1d2-b80e-43e4-8984-de7517fb68f1';
    const asked = [{ skill: 'framing' }, { skill: uri, label: 'repair plumbing systems' }];
    expect(skillsHeld(asked, new Set(['framing']), commons).missing).toEqual([
      { skill: uri, label: 'repair plumbing systems' },
    ]);
    expect(skillsHeld(asked, new Set([uri]), commons).held).toEqual([{ skill: uri, label: 'repair plumbing systems' }]);
  });
});

describe('a goal', () => {
  it('points at the skills named and every skill of the trade named', () => {
    expect([...goalSkills({ trade: 'construction', skills: ['haccp'] }, commons)].sort()).toEqual([
      'boarding',
      'framing',
      'haccp',
      'safety',
    ]);
    expect(goalSkills(undefined, commons).size).toBe(0);
  });

  it.each([
    [{ trade: 'construction' as const, skills: [] }, 'you aim to work in construction'],
    [{ skills: ['framing', 'boarding', 'haccp'] }, 'you aim for Timber framing, Plasterboard hanging and HACCP'],
    [{ trade: 'construction' as const, skills: ['haccp'] }, 'you aim to work in construction and for HACCP'],
  ])('is said in words: %j', (goal, phrase) => {
    expect(goalPhrase(goal, commons)).toBe(phrase);
  });

  it('is cleared by no trade and no skills, and refuses a skill the commons does not know, by field', () => {
    expect(goalFrom({ trade: null, skills: [] }, commons)).toBeUndefined();
    const error = thrown(() => goalFrom({ skills: ['framing', 'juggling'] }, commons), ValidationError);
    expect(error.issues).toMatchObject([
      { field: 'body.skills.1', message: '"juggling" is not a skill of the commons: pick one from the list.' },
    ]);
  });

  it('joins a list in words', () => {
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(listInWords)).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});

describe('broader searches when nothing matches', () => {
  const related = (s: Skill, ...ids: string[]) => ({ ...s, related: ids }) as Skill;
  const world = {
    skills: new Map(
      [
        related(skill('framing', 'Timber framing', 'construction'), 'roof-pv'),
        related(skill('boarding', 'Plasterboard hanging', 'construction'), 'framing'),
        related(skill('roof-pv', 'Roof-mounted PV', 'renewable-energy')),
        related(skill('haccp', 'HACCP', 'food'), 'boarding'),
      ].map((s) => [s.id, s]),
    ),
    trades: [
      { id: 'construction', label: 'Construction', description: '' },
      { id: 'renewable-energy', label: 'Renewable energy', description: '' },
      { id: 'food', label: 'Food', description: '' },
    ] as Commons['trades'],
  };

  it('drops each filter in turn, offers nearby trades and related skills, then the shortage skills', () => {
    const search = { text: 'oak', skill: 'boarding', trade: 'construction' as const, remote: true };
    const suggestions = broaderSearches(
      search,
      world,
      ['haccp', 'boarding', 'roof-pv', 'framing'],
      translator('en'),
      2,
    );
    expect(suggestions.map((s) => s.label)).toEqual([
      'Without the words “oak”',
      'Any skill, not only Plasterboard hanging',
      'Any trade, not only Construction',
      'On site too',
      'The nearby trade Food',
      'The nearby trade Renewable energy',
      'The related skill Timber framing',
      'HACCP, a skill in shortage',
      'Roof-mounted PV, a skill in shortage',
    ]);
    expect(suggestions[1]?.search).toEqual({ text: 'oak', trade: 'construction', remote: true });
    expect(suggestions[4]?.search).toEqual({ ...search, trade: 'food' });
    expect(suggestions.at(-1)?.search).toEqual({ skill: 'roof-pv' });
  });

  it('words each suggestion in the reader’s language', () => {
    const search = { skill: 'boarding', place: 'Leeds', remote: false, payUnit: 'HOURS' as const };
    expect(broaderSearches(search, world, ['haccp'], translator('es')).map((s) => s.label)).toEqual([
      'Cualquier competencia, no solo Plasterboard hanging',
      'En cualquier lugar, no solo en Leeds',
      'También en remoto',
      'Pagadas en cualquier unidad',
      'La competencia relacionada Timber framing',
      'HACCP, una competencia con carencia',
    ]);
    expect(broaderSearches({ text: 'eik', trade: 'food' }, world, [], translator('nl')).map((s) => s.label)).toEqual([
      'Zonder de woorden ‘eik’',
      'Elk vak, niet alleen Food',
      'Het aanverwante vak Construction',
    ]);
  });

  it('ranks nearby trades by how many related skills link them, in either direction', () => {
    expect(nearbyTrades('construction', world)).toEqual(['food', 'renewable-energy']);
    expect(nearbyTrades('renewable-energy', world)).toEqual(['construction']);
  });
});
