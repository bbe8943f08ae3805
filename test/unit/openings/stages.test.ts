// The hiring loop's transition table, cell by cell: who may move an application from which stage to which.
import { describe, expect, it } from 'vitest';
import { locales } from '#domain/i18n/locales.ts';
import { type HiringRefusal, hiringRefusalIn } from '#domain/i18n/work/hiring-refusals.ts';
import {
  type ApplicationStatus,
  applicationStatuses,
  mayMove,
  moveRefusal,
  refusedMove,
  type StageActor,
} from '#domain/openings/stages.ts';

const S = 'syndicate';
const A = 'applicant';
// Every move either side may make; every other (actor, from, to) is refused.
const allowed: Array<[StageActor, ApplicationStatus, ApplicationStatus]> = [
  [S, 'submitted', 'shortlisted'],
  [S, 'submitted', 'interview'],
  [S, 'submitted', 'offered'],
  [S, 'submitted', 'declined'],
  [S, 'shortlisted', 'submitted'],
  [S, 'shortlisted', 'interview'],
  [S, 'shortlisted', 'offered'],
  [S, 'shortlisted', 'declined'],
  [S, 'interview', 'submitted'],
  [S, 'interview', 'shortlisted'],
  [S, 'interview', 'offered'],
  [S, 'interview', 'declined'],
  [S, 'offered', 'submitted'],
  [S, 'offered', 'shortlisted'],
  [S, 'offered', 'interview'],
  [S, 'offered', 'declined'],
  [A, 'submitted', 'withdrawn'],
  [A, 'shortlisted', 'withdrawn'],
  [A, 'interview', 'withdrawn'],
  [A, 'offered', 'withdrawn'],
  [A, 'offered', 'accepted'],
  [A, 'offered', 'declined'],
];
const key = (actor: StageActor, from: ApplicationStatus, to: ApplicationStatus) => `${actor}: ${from} → ${to}`;
const allowedKeys = new Set(allowed.map(([actor, from, to]) => key(actor, from, to)));
const every = (['syndicate', 'applicant'] as const).flatMap((actor) =>
  applicationStatuses.flatMap((from) => applicationStatuses.map((to) => [actor, from, to] as const)),
);

describe('the stage table', () => {
  it.each(allowed)('lets the %s move an application from %s to %s', (actor, from, to) => {
    expect(mayMove(actor, from, to)).toBe(true);
  });

  it('refuses every other move of either side, all 76 of them', () => {
    const refused = every.filter(([actor, from, to]) => !allowedKeys.has(key(actor, from, to)));
    expect(refused).toHaveLength(2 * 7 * 7 - allowed.length);
    expect(refused.filter(([actor, from, to]) => mayMove(actor, from, to)).map((m) => key(...m))).toEqual([]);
  });

  it.each(['accepted', 'declined', 'withdrawn'] as const)('moves nothing on once an application is %s', (from) => {
    for (const to of applicationStatuses) {
      expect(mayMove('syndicate', from, to)).toBe(false);
      expect(mayMove('applicant', from, to)).toBe(false);
    }
  });

  it('keeps filling a position and withdrawing to the applicant alone', () => {
    for (const from of applicationStatuses) {
      expect(mayMove('syndicate', from, 'accepted')).toBe(false);
      expect(mayMove('syndicate', from, 'withdrawn')).toBe(false);
    }
  });
});

describe('the sentence an illegal move answers with', () => {
  it.each([
    [S, 'accepted', 'interview', 'The application is accepted (the position is filled), so it cannot change any more.'],
    [S, 'declined', 'offered', 'The application is declined, so it cannot change any more.'],
    [A, 'withdrawn', 'withdrawn', 'The application is withdrawn already.'],
    [S, 'shortlisted', 'shortlisted', 'The application is shortlisted already.'],
    [A, 'interview', 'accepted', 'The application is at interview; only an offer can be accepted or declined.'],
    [A, 'submitted', 'declined', 'The application is submitted; only an offer can be accepted or declined.'],
  ] as const)('answers the %s moving %s to %s with “%s”', (actor, from, to, sentence) => {
    expect(refusedMove(actor, from, to)).toBe(sentence);
  });

  it('names the current stage in every refusal', () => {
    for (const [actor, from, to] of every.filter(([a, f, t]) => !mayMove(a, f, t))) {
      expect(refusedMove(actor, from, to), key(actor, from, to)).toMatch(
        new RegExp(
          `^The application is ${from === 'interview' ? 'at interview' : from === 'offered' ? 'offered' : from}`,
        ),
      );
    }
  });
});

describe('an illegal move, and the hiring loop’s other refusals, in the reader’s language', () => {
  it('says every refused move in Spanish and Dutch, each its own sentence naming the stage now', () => {
    for (const [actor, from, to] of every.filter(([a, f, t]) => !mayMove(a, f, t))) {
      const refusal = moveRefusal(actor, from, to);
      const words = locales.map((locale) => hiringRefusalIn(refusal, locale));
      expect(new Set(words).size, key(actor, from, to)).toBe(locales.length);
      expect(words[0]).toBe(refusedMove(actor, from, to));
      for (const sentence of words) expect(sentence).not.toMatch(/undefined/);
    }
    expect(hiringRefusalIn(moveRefusal(S, 'accepted', 'interview'), 'es')).toBe(
      'La candidatura está aceptada (el puesto está cubierto), así que ya no puede cambiar.',
    );
    expect(hiringRefusalIn(moveRefusal(A, 'interview', 'accepted'), 'nl')).toBe(
      'De sollicitatie is in de gespreksfase; alleen een aanbod kan worden aangenomen of afgewezen.',
    );
  });

  it('words a closed or full opening, a move made meanwhile and the reasons in each language', () => {
    const refusals: HiringRefusal[] = [
      { key: 'opening', values: { closing: 'closed', status: 'closed', stopped: 'offer' } },
      { key: 'opening', values: { closing: 'full', status: 'open', stopped: 'accept' } },
      { key: 'moved-meanwhile', values: { now: 'declined' } },
      { key: 'moved-meanwhile', values: {} },
      { key: 'pick-reason', values: {} },
      { key: 'reason-only-declining', values: {} },
      { key: 'thread-withdrawn', values: {} },
    ];
    for (const refusal of refusals) {
      const words = locales.map((locale) => hiringRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined/);
    }
    expect(hiringRefusalIn(refusals[0] as HiringRefusal, 'en')).toBe(
      'This opening is closed, so no offer can be made.',
    );
    expect(hiringRefusalIn(refusals[0] as HiringRefusal, 'es')).toBe(
      'Esta vacante está cerrada, así que no se puede hacer ninguna oferta.',
    );
    expect(hiringRefusalIn(refusals[2] as HiringRefusal, 'en')).toBe(
      'The application was moved meanwhile: it is declined now. Reload it and decide again.',
    );
  });
});
