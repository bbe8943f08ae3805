import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { jobPosting } from '#domain/openings/job-posting.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { checkOccupation, occupationChoices, occupationOf } from '#domain/openings/opening-occupation.ts';
import type { OccupationPath } from '#domain/paths/occupation-path.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';

const electricianUri = 'http://data.europa.eu/esco/occupation/5dbb9cf0-b226-402c-a295-2f42ef05ff8b';
const path = (id: string, label: string, esco?: string): [string, OccupationPath] => [
  id,
  { id, label, source: 'commons', esco, skills: [] },
];
const commons = {
  paths: new Map([
    path('electrician', 'Electrician', electricianUri),
    path('market-gardener', 'Market gardener'),
    path('domestic-electrician', 'domestic electrician', electricianUri),
    path('cook', 'Cook', 'http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e'),
  ]),
};

describe('an opening’s occupation', () => {
  it('is chosen among the occupations the commons has a path to, once each, by label', () => {
    expect(occupationChoices(commons).map((o) => [o.label, o.pathId])).toEqual([
      ['Cook', 'cook'],
      ['Electrician', 'electrician'],
    ]);
  });

  it('refuses an ESCO occupation the commons has no path to, naming body.occupation', () => {
    const unknown = 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000';
    expect(() => checkOccupation(commons, { occupation: unknown })).toThrow(ValidationError);
    expect(() => checkOccupation(commons, { occupation: electricianUri })).not.toThrow();
    expect(() => checkOccupation(commons, { occupation: null })).not.toThrow();
  });

  it('is written in the JobPosting as an ESCO category code and a relevant occupation', () => {
    const opening = {
      id: 'o1',
      title: 'Electrician',
      place: 'Leeds, GB',
      pay: [],
      applicantCountries: [],
      remote: false,
      validThrough: '2026-12-20',
      createdAt: '2026-12-01T00:00:00Z',
      hoursPerWeek: 30,
      positions: 1,
      filled: 0,
      employmentType: 'CONTRACTOR',
      occupation: electricianUri,
    } as unknown as Opening;
    const syndicate = { id: 's', name: 'Sparks' } as Syndicate;
    const data = jobPosting(opening, syndicate, 'https://g.example', '', occupationOf(commons, opening.occupation));
    expect(data.occupationalCategory).toMatchObject({
      '@type': 'CategoryCode',
      codeValue: electricianUri,
      name: 'Electrician',
    });
    expect(data.relevantOccupation).toMatchObject({ '@type': 'Occupation', name: 'Electrician' });
    expect(jobPosting({ ...opening, occupation: null }, syndicate, 'https://g.example', '')).not.toHaveProperty(
      'occupationalCategory',
    );
  });
});
