import { describe, expect, it } from 'vitest';
import type { Skill } from '#domain/content/commons.ts';
import { ValidationError } from '#domain/errors.ts';
import { goalFrom, goalPhrase, goalSkills } from '#domain/people/goal.ts';
import type { OccupationPath } from '#domain/paths/occupation-path.ts';

const uri = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000001';
const electrician: OccupationPath = {
  id: 'electrician',
  label: 'Electrician',
  source: 'commons',
  skills: [
    { id: 'safe-isolation', label: 'Safe isolation', commons: ['safe-isolation'], esco: uri },
    { id: 'http://data.europa.eu/esco/skill/sockets', label: 'install sockets', commons: [] },
  ],
};
const commons = {
  skills: new Map([['safe-isolation', { id: 'safe-isolation', label: 'Safe isolation' } as Skill]]),
  trades: [],
  paths: new Map([['electrician', electrician]]),
};

describe('a path as a goal', () => {
  it('keeps the path a person aims for, beside their trade and skills', () => {
    expect(goalFrom({ path: 'electrician', skills: ['safe-isolation'] }, commons)).toEqual({
      path: 'electrician',
      skills: ['safe-isolation'],
    });
  });

  it('refuses a path the commons does not have, naming body.path', () => {
    try {
      goalFrom({ path: 'astronaut', skills: [] }, commons);
      expect.unreachable('an unknown path must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toMatchObject([
        { field: 'body.path', message: expect.stringMatching(/"astronaut" is not a path/) },
      ]);
    }
  });

  it('clears the goal when the path is cleared and nothing else is aimed for', () => {
    expect(goalFrom({ path: null, skills: [] }, commons)).toBeUndefined();
  });

  it('aims the board at every name of the path’s skills: commons ids and ESCO URIs', () => {
    expect([...goalSkills({ path: 'electrician', skills: [] }, commons)].sort()).toEqual(
      ['http://data.europa.eu/esco/skill/sockets', 'safe-isolation', uri].sort(),
    );
  });

  it('says the path in words', () => {
    expect(goalPhrase({ path: 'electrician', skills: [] }, commons)).toBe('you aim for the Electrician path');
  });
});
