import { describe, expect, it } from 'vitest';
import { editDistance, spellingSuggestion, vocabularyOf } from '#domain/search/spelling.ts';
import { commons } from '../../support/services.ts';

const vocabulary = vocabularyOf([
  ...commons.trades.map((trade) => trade.label),
  ...[...commons.skills.values()].map((skill) => skill.label),
  ...[...commons.courses.values()].map((course) => course.title),
]);

describe('spelling suggestions for a search that found nothing', () => {
  it.each([
    ['solr', 'solar'],
    ['plumbng', 'plumbing'],
    ['wleding', 'welding'],
    ['Sólar instalation', 'solar installation'],
    ['bookeeping basics', 'bookkeeping basics'],
  ])('suggests a word the commons uses for “%s”', (typed, expected) => {
    expect(spellingSuggestion(typed, vocabulary)).toBe(expected);
  });

  it('suggests nothing when every word is one the commons uses, or none is near one', () => {
    expect(spellingSuggestion('solar welding', vocabulary)).toBeUndefined();
    expect(spellingSuggestion('zzzzqqqq', vocabulary)).toBeUndefined();
    expect(spellingSuggestion('', vocabulary)).toBeUndefined();
  });

  it('keeps numbers and words of one or two letters as typed', () => {
    expect(spellingSuggestion('solr 2024', vocabulary)).toBe('solar 2024');
    expect(spellingSuggestion('x', vocabulary)).toBeUndefined();
    expect(spellingSuggestion('solr pv', vocabulary)).toBe('solar pv');
  });

  it('counts a swap of two neighbouring letters as one edit, and stops past its limit', () => {
    expect(editDistance('wleding', 'welding')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});
