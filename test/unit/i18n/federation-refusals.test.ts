// The stewards' federation settings' refusals (i18n/records/federation-refusals.ts): every one in
// English, Spanish and Dutch, each its own sentence naming what the English names.
import { describe, expect, it } from 'vitest';
import {
  type FederationRefusal,
  federationRefusalIn,
  federationWords,
} from '#domain/i18n/records/federation-refusals.ts';
import { locales } from '#domain/i18n/locales.ts';

const every: FederationRefusal[] = [
  { key: 'stewards-only', values: { act: 'witness' } },
  { key: 'stewards-only', values: { act: 'follow' } },
  { key: 'stewards-only', values: { act: 'block' } },
  { key: 'not-own-log', values: {} },
  { key: 'log-unreadable', values: { host: 'nowhere.example', why: 'HTTP 404' } },
  { key: 'instance-blocked', values: { host: 'spam.example' } },
  { key: 'actor-name', values: {} },
  { key: 'actor-unfound', values: { actor: 'acct:riverside@far.example', why: 'HTTP 404' } },
  { key: 'actor-unfound', values: { actor: 'acct:riverside@far.example' } },
  { key: 'actor-host', values: { actor: 'acct:riverside@far.example', host: 'near.example' } },
  { key: 'actor-host', values: { actor: 'acct:riverside@far.example', host: undefined } },
  { key: 'actor-kind', values: { actor: 'acct:riverside@far.example', type: 'Person' } },
];

describe('the federation settings’ refusals', () => {
  it('are worded in each language, each its own, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => federationRefusalIn(refusal, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined/);
    }
  });

  it('say each thing only stewards do as its own sentence', () => {
    for (const locale of locales) {
      const said = every.slice(0, 3).map((refusal) => federationRefusalIn(refusal, locale));
      expect(new Set(said).size).toBe(3);
    }
    expect(federationRefusalIn(every[1] as FederationRefusal, 'en')).toBe(
      'Only the commons’ stewards follow or unfollow a remote syndicate.',
    );
  });

  it('name the host and why its log could not be read, in every language', () => {
    const unreadable = every[4] as FederationRefusal;
    for (const locale of locales) {
      expect(federationRefusalIn(unreadable, locale)).toContain('nowhere.example');
      expect(federationRefusalIn(unreadable, locale)).toContain('(HTTP 404)');
    }
    const { message, wordsIn } = federationWords(unreadable);
    expect(message).toBe('No registry log could be read at nowhere.example (HTTP 404); check the host and try again.');
    expect(wordsIn('es')).toBe(
      'No se ha podido leer ningún registro público en nowhere.example (HTTP 404); comprueba el host y vuelve a intentarlo.',
    );
  });

  it('word a remote follow’s actor with the host, the actor and why it was not found', () => {
    for (const refusal of every.slice(5)) {
      for (const locale of locales) {
        const sentence = federationRefusalIn(refusal, locale);
        if ('actor' in refusal.values) expect(sentence).toContain('acct:riverside@far.example');
        if ('host' in refusal.values && refusal.values.host) expect(sentence).toContain(refusal.values.host);
      }
    }
    const lost = { key: 'actor-unfound', values: { actor: 'acct:riverside@far.example' } } as const;
    expect(federationRefusalIn(lost, 'en')).toBe(
      'acct:riverside@far.example could not be found: its instance did not answer. Check the name and that the instance is up.',
    );
    expect(federationRefusalIn(lost, 'es')).toContain('su instancia no respondió');
    expect(federationRefusalIn(lost, 'nl')).toContain('de instantie gaf geen antwoord');
    const why = { key: 'actor-unfound', values: { actor: 'acct:riverside@far.example', why: 'HTTP 404' } } as const;
    for (const locale of locales) expect(federationRefusalIn(why, locale)).toContain('HTTP 404');
    const kind = { key: 'actor-kind', values: { actor: 'acct:x@far.example', type: 'Person' } } as const;
    for (const locale of locales) expect(federationRefusalIn(kind, locale)).toContain('Person');
  });
});
