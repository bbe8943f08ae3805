// Pay for work, rule by rule: which rate-card line prices a piece of work, its hourly rate (1.5× where
// unpleasant), what quarter hours pay with a half minor unit rounding up, which hours can be logged,
// and who may approve them.
import { rateProblemIn } from '#domain/i18n/work/rate-problems.ts';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, RuleViolationError } from '#domain/errors.ts';
import {
  checkWorkApprover,
  hourlyRate,
  hoursProblem,
  hoursProblems,
  hoursSchema,
  maxQuartersPerDay,
  payFor,
  quartersOf,
  type RateLine,
  rateLineFor,
  workRate,
} from '#domain/ledger/work-pay.ts';
import { thrown } from '../../support/thrown.ts';

const bound = (amount: number) => ({ amount, currency: 'BOUND', per: 'hour' });
const card: RateLine[] = [
  { service: 'Carpentry, any level', rate: bound(3000), skillId: 'carpentry' },
  { service: 'Carpentry, proficient', rate: bound(4500), skillId: 'carpentry', level: 'proficient' },
  { service: 'Sewer clearing', rate: bound(2001), skillId: 'drains', level: 'working', unpleasant: true },
  { service: 'Sweeping up', rate: bound(1000) },
  { service: 'Plastering in euros', rate: { amount: 4000, currency: 'EUR', per: 'hour' }, skillId: 'plastering' },
  { service: 'Bricklaying by the day', rate: { amount: 30000, currency: 'BOUND', per: 'day' }, skillId: 'bricks' },
];

describe('the rate-card line that prices work', () => {
  it.each([
    ['a skill at the level its own line names', { skillId: 'carpentry', level: 'proficient' }, 'Carpentry, proficient'],
    [
      'a skill at a level without a line of its own: the skill’s every-level line',
      { skillId: 'carpentry', level: 'working' },
      'Carpentry, any level',
    ],
    ['a skill at its only level', { skillId: 'drains', level: 'working' }, 'Sewer clearing'],
    ['a service without a skill, by name', { service: 'Sweeping up' }, 'Sweeping up'],
  ] as const)('finds %s', (_what, work, service) => {
    expect(rateLineFor(card, work)?.service).toBe(service);
  });

  it.each([
    ['a skill at a level nobody priced, with no every-level line', { skillId: 'drains', level: 'foundation' }],
    ['a skill the card does not have', { skillId: 'welding', level: 'working' }],
    ['a service the card does not have', { service: 'Sweeping' }],
    ['nothing named', {}],
  ] as const)('finds none for %s', (_what, work) => {
    expect(rateLineFor(card, work)).toBeUndefined();
  });

  it('prefers the skill over a service of the same name', () => {
    const named = [{ service: 'drains', rate: bound(1) }, ...card];
    expect(rateLineFor(named, { skillId: 'drains', level: 'working', service: 'drains' })?.service).toBe(
      'Sewer clearing',
    );
  });
});

describe('the hourly rate', () => {
  it.each([
    ['a pleasant line: its rate', 2000, false, 2000n],
    ['a line stored before the flag: its rate', 2001, undefined, 2001n],
    ['an unpleasant line: 1.5×', 2000, true, 3000n],
    ['an unpleasant odd rate: 1.5× with the half unit up', 2001, true, 3002n],
    ['an unpleasant rate of 1: 1.5 rounds to 2', 1, true, 2n],
    ['an unpleasant rate of 0 is 0', 0, true, 0n],
  ] as const)('is %s', (_what, amount, unpleasant, expected) => {
    expect(hourlyRate({ service: 'x', rate: bound(amount), unpleasant })).toBe(expected);
  });
});

describe('what hours pay', () => {
  it.each([
    [4, 2000n, 2000n, 'one hour: the hourly rate'],
    [10, 2000n, 5000n, '2.5 hours'],
    [1, 102n, 26n, 'a quarter hour of 102: 25.5 rounds up'],
    [1, 101n, 25n, 'a quarter hour of 101: 25.25 rounds down'],
    [3, 101n, 76n, 'three quarters of 101: 75.75 rounds up'],
    [2, 101n, 51n, 'half an hour of 101: 50.5 rounds up'],
    [maxQuartersPerDay, 150_000_000n, 3_600_000_000n, 'a whole day at the highest rate, exactly'],
  ])('%i quarter hours at %i pay %i (%s)', (quarters, hourly, pay) => {
    expect(payFor(quarters, hourly)).toBe(pay);
  });

  it('pays hours × the hourly rate shown, for every quarter of a day', () => {
    for (let quarters = 1; quarters <= maxQuartersPerDay; quarters++) {
      const exact = (quarters * 3002) / 4;
      const paid = Number(payFor(quarters, 3002n));
      // Nearest whole minor unit, a half up: never more than half a unit away, and a half only upwards.
      expect(paid - exact).toBeGreaterThan(-0.5);
      expect(paid - exact).toBeLessThanOrEqual(0.5);
      if (Number.isInteger(exact)) expect(paid).toBe(exact);
    }
  });
});

describe('the rate work is paid at', () => {
  it('is the line and its hourly rate when the line is in Bound per hour', () => {
    expect(workRate(card, { skillId: 'drains', level: 'working' })).toEqual({ line: card[2], hourly: 3002n });
  });

  it.each([
    [
      { skillId: 'welding', level: 'working' },
      "The syndicate's rate card has no line for welding at working level: pick one of its lines.",
      { key: 'no-line', values: { work: { skillId: 'welding', level: 'working' } } },
    ],
    [
      { skillId: 'welding' },
      "The syndicate's rate card has no line for welding: pick one of its lines.",
      { key: 'no-line', values: { work: { skillId: 'welding' } } },
    ],
    [
      { service: 'Mopping' },
      'The syndicate\'s rate card has no line for the service "Mopping": pick one of its lines.',
      { key: 'no-line', values: { work: { service: 'Mopping' } } },
    ],
    [
      {},
      'The syndicate\'s rate card has no line for the service "": pick one of its lines.',
      { key: 'no-line', values: { work: { service: '' } } },
    ],
    [
      { skillId: 'plastering', level: 'working' },
      'The rate card prices plastering at working level in EUR per hour; work is paid from lines in Bound per hour.',
      {
        key: 'not-bound-hours',
        values: { work: { skillId: 'plastering', level: 'working' }, currency: 'EUR', per: 'hour' },
      },
    ],
    [
      { skillId: 'bricks', level: 'working' },
      'The rate card prices bricks at working level in BOUND per day; work is paid from lines in Bound per hour.',
      {
        key: 'not-bound-hours',
        values: { work: { skillId: 'bricks', level: 'working' }, currency: 'BOUND', per: 'day' },
      },
    ],
  ] as const)('refuses %j, saying why', (work, problem, said) => {
    expect(workRate(card, work)).toEqual({ problem, said });
  });

  it('names only the work, not the rest of a work log it is handed', () => {
    const log = { skillId: 'welding', level: 'working', service: 'Welding', hours: 2, note: 'Gate' } as const;
    expect(workRate(card, log)).toMatchObject({ said: { values: { work: { skillId: 'welding', level: 'working' } } } });
    expect(workRate(card, { service: 'Mopping', level: 'working' })).toMatchObject({
      said: { values: { work: { service: 'Mopping' } } },
    });
  });

  it('says why in Spanish and Dutch, the level and the period in the reader’s words', () => {
    const refused = workRate(card, { skillId: 'bricks', level: 'working' });
    if (!('said' in refused)) throw new Error('expected a refusal');
    expect(rateProblemIn(refused.said, 'es')).toBe(
      'Las tarifas ponen precio a bricks de nivel intermedio en BOUND por día; el trabajo se paga con líneas en Bound por hora.',
    );
    expect(rateProblemIn(refused.said, 'nl')).toBe(
      'De tariefkaart prijst bricks op niveau gevorderd in BOUND per dag; werk wordt betaald uit regels in Bound per uur.',
    );
    const none = workRate(card, { service: 'Mopping' });
    if (!('said' in none)) throw new Error('expected a refusal');
    expect(rateProblemIn(none.said, 'es')).toBe(
      'Las tarifas del colectivo no tienen ninguna línea para el servicio «Mopping»: elige una de sus líneas.',
    );
  });
});

describe('hours a member logs', () => {
  it.each([0.25, 0.5, 0.75, 1, 7.25, 24, '1.5', '8', '0.25', '24'])('takes %j', (hours) => {
    expect(hoursProblem(hours)).toBeUndefined();
    expect(hoursSchema().parse(hours)).toBe(Number(hours));
  });

  it.each([
    [0, hoursProblems.notPositive],
    [-1, hoursProblems.notPositive],
    [0.1, hoursProblems.notQuarter],
    [1.3, hoursProblems.notQuarter],
    [0.125, hoursProblems.notQuarter],
    [24.25, hoursProblems.tooMany],
    [25, hoursProblems.tooMany],
    [Number.POSITIVE_INFINITY, hoursProblems.notANumber],
    [Number.NaN, hoursProblems.notANumber],
    ['1,5', hoursProblems.notANumber],
    ['-1', hoursProblems.notANumber],
    ['', hoursProblems.notANumber],
    ['1.255', hoursProblems.notANumber],
    [null, hoursProblems.notANumber],
    [true, hoursProblems.notANumber],
    // An array whose text reads like hours is still not a number of hours.
    [[1.5], hoursProblems.notANumber],
  ])('refuses %j: %s', (hours, problem) => {
    expect(hoursProblem(hours)).toBe(problem);
    const parsed = hoursSchema().safeParse(hours);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ code: 'custom', message: problem });
  });

  it('counts hours in quarters', () => {
    expect([0.25, 1, 7.75, 24].map(quartersOf)).toEqual([1, 4, 31, 96]);
    expect(maxQuartersPerDay).toBe(96);
  });
});

describe('who approves logged hours', () => {
  it('lets another admin of the syndicate approve', () => {
    expect(() => checkWorkApprover({ personId: 'bram', memberId: 'ada', adminOfSyndicate: true })).not.toThrow();
  });

  it('refuses an admin approving their own hours: another admin must', () => {
    const error = thrown(
      () => checkWorkApprover({ personId: 'ada', memberId: 'ada', adminOfSyndicate: true }),
      RuleViolationError,
    );
    expect(error).toMatchObject({
      rule: 'conflict-of-interest',
      message: 'You cannot approve or reject your own hours: another admin of the syndicate must.',
    });
  });

  it.each([
    ['a member who is not an admin', 'bram'],
    ['the member who worked, not an admin', 'ada'],
  ])('refuses %s', (_what, personId) => {
    const error = thrown(
      () => checkWorkApprover({ personId, memberId: 'ada', adminOfSyndicate: false }),
      ForbiddenError,
    );
    expect(error).toMatchObject({ message: 'Only an admin of the syndicate approves or rejects logged hours.' });
  });

  it('says either refusal in the reader’s language', () => {
    const notAdmin = thrown(
      () => checkWorkApprover({ personId: 'bram', memberId: 'ada', adminOfSyndicate: false }),
      ForbiddenError,
    );
    expect(notAdmin.wordsIn?.('es')).toBe(
      'Solo una persona administradora del colectivo aprueba o rechaza las horas registradas.',
    );
    const own = thrown(
      () => checkWorkApprover({ personId: 'ada', memberId: 'ada', adminOfSyndicate: true }),
      RuleViolationError,
    );
    expect(own.wordsIn?.('nl')).toBe(
      'Je kunt je eigen uren niet goedkeuren of afwijzen: dat moet een andere beheerder van het collectief doen.',
    );
  });
});
