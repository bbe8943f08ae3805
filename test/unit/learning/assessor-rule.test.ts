// The assessor rule (practical.ts), which the API, the site and the review's own write all ask: who may
// sign off a learner's practical task. Each refusal beside the same facts that pass, so a refusal can
// never come from facts broken some other way.
import { describe, expect, it } from 'vitest';
import { assessorRefusalIn } from '#domain/i18n/learning/assessor-refusals.ts';
import { type AssessorFacts, assessorRefusal } from '#domain/learning/practical.ts';

const facts = (overrides: Partial<AssessorFacts> = {}): AssessorFacts => ({
  assessorId: 'ana',
  learnerId: 'femi',
  course: { trade: 'construction', level: 'working', title: 'Plasterboard hanging and jointing' },
  tasks: [{ title: 'Board a wall', skills: ['plasterboard-hanging'] }],
  syndicate: { id: 'riverside', name: 'Riverside Builders', trade: 'construction' },
  membership: { status: 'active' },
  held: [{ skillId: 'plasterboard-hanging', level: 'working' }],
  learnerApplied: false,
  skillLabel: (id) => (id === 'plasterboard-hanging' ? 'Plasterboard hanging' : id),
  ...overrides,
});

describe('who may assess a practical task', () => {
  it('lets an active member of the asked syndicate of the trade, holding the skill at the course level, assess', () => {
    expect(assessorRefusal(facts())).toBeNull();
  });

  it('lets a member holding the skill above the course level assess', () => {
    expect(assessorRefusal(facts({ held: [{ skillId: 'plasterboard-hanging', level: 'proficient' }] }))).toBeNull();
  });

  it('refuses the learner assessing their own work, even holding the skill and in the syndicate', () => {
    expect(assessorRefusal(facts({ assessorId: 'femi' }))).toMatchObject({
      rule: 'own-work',
      message: expect.stringContaining('your own work'),
    });
  });

  it('refuses a member who holds no credential for the task’s skill, naming the skill and the level', () => {
    expect(assessorRefusal(facts({ held: [] }))).toEqual({
      rule: 'lacks-credential',
      values: { course: 'Plasterboard hanging and jointing', skills: ['Plasterboard hanging'], level: 'working' },
      message: expect.stringMatching(/credential for Plasterboard hanging at working level or above/),
    });
  });

  it('refuses a member who holds the skill only below the course level', () => {
    expect(assessorRefusal(facts({ held: [{ skillId: 'plasterboard-hanging', level: 'foundation' }] }))?.rule).toBe(
      'lacks-credential',
    );
  });

  it('asks for every skill of every task being assessed, not only the first', () => {
    const tasks = [{ title: 'Board and joint', skills: ['plasterboard-hanging', 'plasterboard-jointing'] }];
    expect(assessorRefusal(facts({ tasks }))).toMatchObject({
      rule: 'lacks-credential',
      message: expect.stringContaining('plasterboard-jointing'),
    });
    const both = [
      { skillId: 'plasterboard-hanging', level: 'working' as const },
      { skillId: 'plasterboard-jointing', level: 'working' as const },
    ];
    expect(assessorRefusal(facts({ tasks, held: both }))).toBeNull();
  });

  it('refuses a member while the learner has an open application to the syndicate', () => {
    expect(assessorRefusal(facts({ learnerApplied: true }))).toMatchObject({
      rule: 'conflicted',
      message: expect.stringContaining('open application to Riverside Builders'),
    });
  });

  it.each([
    ['a person who only asked to join', { status: 'requested' as const }],
    ['a person whose request was declined', { status: 'declined' as const }],
    ['a person with no membership', null],
  ])('refuses %s the syndicate', (_, membership) => {
    expect(assessorRefusal(facts({ membership }))?.rule).toBe('not-a-member');
  });

  it('refuses the members of a syndicate of another trade', () => {
    expect(
      assessorRefusal(facts({ syndicate: { id: 'sun', name: 'Sun Co-op', trade: 'renewable-energy' } }))?.rule,
    ).toBe('other-trade');
  });

  it('refuses everyone while the learner has asked no syndicate', () => {
    expect(assessorRefusal(facts({ syndicate: null }))?.rule).toBe('not-asked');
  });
});

// The refusal is kept as its rule and values, so the practical-work page and the API say it in the
// reader's language; English is the sentence the API has always answered.
describe('the assessor refusal in Spanish and Dutch', () => {
  const refused = (overrides: Partial<AssessorFacts>) => {
    const refusal = assessorRefusal(facts(overrides));
    if (!refusal) throw new Error('expected a refusal');
    return refusal;
  };

  it('keeps the English message the API answered, and says the same from its values in English', () => {
    const refusal = refused({ assessorId: 'femi' });
    expect(refusal.message).toBe('You cannot assess your own work: a member of another syndicate must.');
    expect(assessorRefusalIn(refusal, 'en')).toBe(refusal.message);
  });

  it('tells a learner in Spanish and Dutch that they cannot assess their own work', () => {
    const refusal = refused({ assessorId: 'femi' });
    expect(assessorRefusalIn(refusal, 'es')).toBe(
      'No puedes evaluar tu propio trabajo: tiene que hacerlo alguien de otro colectivo.',
    );
    expect(assessorRefusalIn(refusal, 'nl')).toBe(
      'Je kunt je eigen werk niet beoordelen: dat moet iemand van een ander collectief doen.',
    );
  });

  it('names the course, each skill lacking and the level in the reader’s words', () => {
    const tasks = [{ title: 'Board and joint', skills: ['plasterboard-hanging', 'plasterboard-jointing'] }];
    const refusal = refused({ tasks, held: [] });
    expect(assessorRefusalIn(refusal, 'en')).toBe(
      'To assess “Plasterboard hanging and jointing” you need a credential for Plasterboard hanging, plasterboard-jointing at working level or above.',
    );
    expect(assessorRefusalIn(refusal, 'es')).toBe(
      'Para evaluar «Plasterboard hanging and jointing» necesitas una credencial de Plasterboard hanging y plasterboard-jointing de nivel intermedio o superior.',
    );
    expect(assessorRefusalIn(refusal, 'nl')).toBe(
      'Om „Plasterboard hanging and jointing” te beoordelen heb je een diploma nodig voor Plasterboard hanging en plasterboard-jointing op niveau gevorderd of hoger.',
    );
  });

  it('names the asked syndicate in each language when the learner has applied to it', () => {
    const refusal = refused({ learnerApplied: true });
    expect(assessorRefusalIn(refusal, 'es')).toContain('candidatura abierta en Riverside Builders');
    expect(assessorRefusalIn(refusal, 'nl')).toContain('open sollicitatie bij Riverside Builders');
  });
});
