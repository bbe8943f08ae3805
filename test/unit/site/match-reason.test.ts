import { describe, expect, it } from 'vitest';
import type { Commons, Skill } from '#domain/content/commons.ts';
import { matchOf, type Seeker } from '#domain/openings/best-match.ts';
import { goalPhrase } from '#domain/people/goal.ts';
import { matchReason } from '../../../site/src/lib/match-reason.ts';
import { recommendationWords } from '../../../site/src/lib/recommendation-words.ts';

const labels: Record<string, string> = {
  framing: 'Timber framing',
  boarding: 'Plasterboard hanging',
  safety: 'Site safety',
};
const commons = {
  skills: new Map(Object.entries(labels).map(([id, label]) => [id, { id, label } as Skill])),
} as Pick<Commons, 'skills'>;
const label = (skill: string) => labels[skill] ?? skill;
const seeker = (held: string[], goal: string[], shortage: string[], goalPhrase?: string): Seeker => ({
  held: new Set(held),
  goal: new Set(goal),
  shortage: new Set(shortage),
  goalPhrase,
});

describe('why an opening suits me, on the job board', () => {
  it.each([
    [['framing'], ['framing'], [], [], undefined],
    [
      ['framing', 'boarding', 'framing'],
      ['framing'],
      ['boarding'],
      ['boarding', 'framing'],
      'you aim for Plasterboard hanging',
    ],
    [['framing', 'boarding', 'safety'], [], [], ['boarding', 'safety'], undefined],
    [['boarding'], [], ['boarding'], [], undefined],
  ])('says in English exactly what the API says (skills %j)', (skills, held, goal, shortage, phrase) => {
    const who = seeker(held, goal, shortage, phrase);
    const match = matchOf(skills, who, commons);
    expect(matchReason('en', match, label, phrase)).toBe(match.reason);
  });

  it('says it in Spanish and Dutch, quoting the goal and naming the skills in shortage in a list of that language', () => {
    const who = seeker(['framing'], ['boarding'], ['boarding', 'safety']);
    const match = matchOf(['framing', 'boarding', 'safety'], who, commons);
    const goalIn = (locale: 'es' | 'nl') =>
      goalPhrase({ skills: ['boarding'] }, { ...commons, trades: [] }, recommendationWords(locale).goal);
    expect(matchReason('es', match, label, goalIn('es'))).toBe(
      'Tienes 1 de 3 competencias; porque buscas aprender Plasterboard hanging; hay carencia de Plasterboard hanging y Site safety.',
    );
    expect(matchReason('nl', match, label, goalIn('nl'))).toBe(
      'Je hebt 1 van 3 vaardigheden; ze vraagt om wat je nastreeft (Plasterboard hanging); er is een tekort aan Plasterboard hanging en Site safety.',
    );
  });
});
