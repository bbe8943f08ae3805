// The account pages' words that are built rather than written out: a goal in a sentence, and each kind
// of notification on the email settings and the unsubscribe page.
import { describe, expect, it } from 'vitest';
import type { Commons, Skill } from '#domain/content/commons.ts';
import { translator } from '#domain/i18n/catalogue.ts';
import type { Locale } from '#domain/i18n/locales.ts';
import { emailKindLabels } from '#domain/notifications/email-preferences.ts';
import { notificationKinds } from '#domain/notifications/notification.ts';
import { type Goal, goalPhrase } from '#domain/people/goal.ts';
import { goalInWords } from '../../../site/src/lib/goal-words.ts';

const skill = (id: string, label: string): Skill =>
  ({ id, label, trade: 'construction', description: '', related: [] }) as unknown as Skill;
const commons = {
  skills: new Map(
    [skill('framing', 'Timber framing'), skill('boarding', 'Plasterboard hanging'), skill('haccp', 'HACCP')].map(
      (s) => [s.id, s],
    ),
  ),
  trades: [{ id: 'construction', label: 'Construction', description: '' }] as Commons['trades'],
};
const goals: Goal[] = [
  { trade: 'construction', skills: [] },
  { skills: ['framing', 'boarding', 'haccp'] },
  { trade: 'construction', skills: ['haccp'] },
] as Goal[];
const say = (goal: Goal | undefined, locale: Locale) => goalInWords(goal, commons, translator(locale), locale);

describe('a goal said on the goal page', () => {
  it('reads in English exactly as the API and the board say it', () => {
    for (const goal of goals) expect(say(goal, 'en')).toBe(goalPhrase(goal, commons));
    expect(say(undefined, 'en')).toBeUndefined();
  });

  it('reads in Spanish and Dutch with each language’s own way of listing skills', () => {
    expect(say(goals[1], 'es')).toBe('tu objetivo: las competencias Timber framing, Plasterboard hanging y HACCP');
    expect(say(goals[2], 'nl')).toBe('je doel: werken in construction; de vaardigheden HACCP');
    expect(translator('es')('goal.saved', say(goals[1], 'es'))).toMatch(/^Guardado: Tu objetivo: /);
  });
});

describe('a kind of notification in words', () => {
  // One list (the email area's `email.kind.*`): the email settings, the unsubscribe page and each email's
  // footer say a kind the same way.
  it('keeps each kind’s English label in English', () => {
    const t = translator('en');
    for (const kind of notificationKinds) expect(t(`email.kind.${kind}`)).toBe(emailKindLabels[kind]);
  });

  it.each(['es', 'nl'] as const)('names every kind in %s, none left in English', (locale) => {
    const t = translator(locale);
    const english = notificationKinds.filter((kind) => t(`email.kind.${kind}`) === emailKindLabels[kind]);
    expect(english).toEqual([]);
    expect(t('email.kind.application-stage-changed')).toBe(
      locale === 'es' ? 'Tu candidatura pasa a otra fase' : 'Je sollicitatie is naar een andere fase gegaan',
    );
  });
});
