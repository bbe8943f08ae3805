// The assessor rule (practical.ts), which the API, the site and the review's own write all ask: who may
// sign off a learner's practical task. Each refusal beside the same facts that pass, so a refusal can
// never come from facts broken some other way.
import { describe, expect, it } from 'vitest';
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
