// A syndicate's rate card: lines priced by service, or by a skill of the commons (at a level, or for
// every level), each skill and level once, with work marked unpleasant; lines stored before skills
// and the flag existed still read.
import { describe, expect, it } from 'vitest';
import { rateCardSchema, syndicateInputSchema } from '#domain/syndicates/syndicate.ts';
import demoSyndicates from '../../../functions/local/demo-data/syndicates.json' with { type: 'json' };

const rate = { amount: 2000, currency: 'BOUND', per: 'hour' };

describe('a rate card', () => {
  it('reads a line of a service alone as not unpleasant', () => {
    expect(rateCardSchema().parse([{ service: 'Carpentry', rate }])).toEqual([
      { service: 'Carpentry', rate, unpleasant: false },
    ]);
  });

  it('takes a skill at a level, a skill for every level and an unpleasant line', () => {
    const card = [
      { service: 'Carpentry', rate, skillId: 'carpentry' },
      { service: 'Carpentry, proficient', rate, skillId: 'carpentry', level: 'proficient' },
      { service: 'Sewers', rate, skillId: 'drains', level: 'working', unpleasant: true },
    ];
    expect(rateCardSchema().parse(card)).toEqual([
      { ...card[0], unpleasant: false },
      { ...card[1], unpleasant: false },
      card[2],
    ]);
  });

  it('still reads every demo syndicate’s rate card', () => {
    for (const syndicate of demoSyndicates) expect(rateCardSchema().safeParse(syndicate.rateCard).success).toBe(true);
  });

  it.each([
    [
      'a level without a skill',
      [{ service: 'Carpentry', rate, level: 'working' }],
      [0, 'level'],
      'A level prices a skill: name the skill (skillId) or leave the level out.',
    ],
    [
      'a skill at a level priced twice',
      [
        { service: 'Aa', rate, skillId: 'drains', level: 'working' },
        { service: 'Bb', rate, skillId: 'drains', level: 'working' },
      ],
      [1, 'skillId'],
      'drains at working level has a rate already; keep one line for it.',
    ],
    [
      'a skill for every level priced twice',
      [
        { service: 'Aa', rate, skillId: 'drains' },
        { service: 'Bb', rate, skillId: 'drains', level: 'working' },
        { service: 'Cc', rate, skillId: 'drains' },
      ],
      [2, 'skillId'],
      'drains has a rate already; keep one line for it.',
    ],
    ['an unknown level', [{ service: 'Aa', rate, skillId: 'drains', level: 'master' }], [0, 'level'], undefined],
    ['a skill id that is not one', [{ service: 'Aa', rate, skillId: 'Drains!' }], [0, 'skillId'], undefined],
    ['a flag that is not true or false', [{ service: 'Aa', rate, unpleasant: 'yes' }], [0, 'unpleasant'], undefined],
  ])('refuses %s, naming the line and field', (_what, card, path, message) => {
    const parsed = rateCardSchema().safeParse(card);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(path);
    if (message) expect(parsed.error?.issues[0]?.message).toBe(message);
  });

  it('is the rate card a syndicate is created and edited with', () => {
    const input = {
      name: 'Riverside Builders',
      trade: 'construction',
      description: 'Carpenters and plasterers who share out work at a Monday meeting.',
      place: 'Rotterdam, NL',
      rateCard: [{ service: 'Aa', rate, level: 'working' }],
    };
    expect(syndicateInputSchema().safeParse(input).error?.issues[0]?.path).toEqual(['rateCard', 0, 'level']);
  });
});
