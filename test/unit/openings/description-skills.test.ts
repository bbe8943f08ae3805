// Suggesting skills from an opening's description: a fake search port answers from a small table of ESCO
// skills, so what is asked and in which order can be checked exactly.
import { describe, expect, it } from 'vitest';
import { escoBase } from '#domain/content/esco-names.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import {
  descriptionPhrases,
  descriptionSuggestLimits,
  suggestFromDescription,
} from '#domain/openings/description-skills.ts';
import type { SearchDocument, SearchIndex, SearchQuery } from '#domain/search/search-port.ts';
import { commons } from '../../support/services.ts';

const uri = (id: string) => `${escoBase}skill/${id}`;
const escoSkill = (id: string, title: string): SearchDocument => ({
  id: `skill:esco/${id}`,
  type: 'skill',
  title,
  summary: '',
  body: '',
  url: uri(id),
  skills: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
});
// plasterboard-hanging's ESCO match, and two skills no commons skill stands for.
const drywall = escoSkill('fd8a3c14-fe25-4490-a85d-0215d0a5aa6f', 'place drywall');
const plaster = escoSkill('00000000-0000-4000-8000-000000000001', 'plaster surfaces');
const screed = escoSkill('00000000-0000-4000-8000-000000000002', 'apply screed');

function fakeSearch(table: Record<string, SearchDocument[]>, fail = false) {
  const asked: SearchQuery[] = [];
  const search: Pick<SearchIndex, 'search'> = {
    async search(query) {
      asked.push(query);
      if (fail) throw new SearchUnavailableError('search is down');
      const hits = Object.entries(table)
        .filter(([word]) => query.text.split(' ').includes(word))
        .flatMap(([, docs]) =>
          docs.map((document) => ({ document, highlighted: { title: document.title, summary: '' } })),
        );
      return { hits, total: hits.length, page: 1, pageSize: query.pageSize ?? 10, facets: {}, processingTimeMs: 0 };
    },
  };
  return { search, asked };
}

describe('skills suggested from an opening’s description', () => {
  it('suggests nothing and asks search nothing for an empty or wordless description', async () => {
    const { search, asked } = fakeSearch({ plaster: [plaster] });
    for (const text of ['', '   ', '!!! — 42 7']) {
      expect((await suggestFromDescription({ commons, search }, text)).items).toEqual([]);
    }
    expect(asked).toEqual([]);
  });

  it('asks search at most eight times however long the description is', async () => {
    const { search, asked } = fakeSearch({});
    const long = Array.from({ length: 400 }, (_, i) => `word${i.toString(36)}x`).join(' ');
    await suggestFromDescription({ commons, search }, long);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(descriptionSuggestLimits.phrases);
    expect(descriptionSuggestLimits.phrases).toBe(8);
  });

  it('lists the commons skills before any ESCO skill, each once', async () => {
    const { search } = fakeSearch({ screed: [screed], plasterboard: [drywall, plaster], plaster: [plaster] });
    const { items, attribution } = await suggestFromDescription(
      { commons, search },
      'Lay screed in the hall, then hang plasterboard on the stud walls. Plasterboard joints taped and plaster skim.',
    );
    const sources = items.map((item) => item.source);
    expect(sources.indexOf('esco')).toBeGreaterThan(sources.lastIndexOf('commons'));
    expect(items.map((item) => item.id)).toEqual([...new Set(items.map((item) => item.id))]);
    expect(items.map((item) => item.id)).toEqual(
      expect.arrayContaining(['plasterboard-hanging', 'plasterboard-jointing', plaster.url, screed.url]),
    );
    // "place drywall" is plasterboard-hanging's ESCO match: it stands as that commons skill, not twice.
    expect(items.some((item) => item.id === drywall.url)).toBe(false);
    expect(attribution).toBe('ESCO, © European Union, CC BY 4.0');
  });

  it('puts a commons skill a later phrase finds before an ESCO skill an earlier phrase found', async () => {
    const { search, asked } = fakeSearch({ screed: [screed] });
    const { items } = await suggestFromDescription(
      { commons, search },
      'Screed, screed and more screed; some plasterboard.',
    );
    expect(asked[0]?.text).toBe('screed');
    expect(items.map((item) => item.id).slice(0, 1)).toEqual(['plasterboard-hanging']);
    expect(items.map((item) => item.id)).toContain(screed.url);
  });

  it('leaves out the skills the opening asks for already, by id or by ESCO address', async () => {
    const { search } = fakeSearch({ plasterboard: [drywall, plaster] });
    const text = 'Hang and joint plasterboard in a loft conversion.';
    const byId = await suggestFromDescription({ commons, search }, text, ['plasterboard-jointing', plaster.url]);
    expect(byId.items.map((item) => item.id)).toContain('plasterboard-hanging');
    expect(byId.items.map((item) => item.id)).not.toContain('plasterboard-jointing');
    expect(byId.items.map((item) => item.id)).not.toContain(plaster.url);
    const byUri = await suggestFromDescription({ commons, search }, text, [drywall.url]);
    expect(byUri.items.map((item) => item.id)).not.toContain('plasterboard-hanging');
  });

  it('suggests no commons skill for a word only the skill’s own description holds, so ESCO’s matches keep their room', async () => {
    const { search } = fakeSearch({});
    // "ceilings" is in Plasterboard hanging's description, not in any commons skill's label.
    const found = await suggestFromDescription({ commons, search }, 'Ceilings, ceilings and more ceilings.');
    expect(found.items).toEqual([]);
  });

  it('never lists more than the limit', async () => {
    const { search } = fakeSearch({ plasterboard: [drywall, plaster, screed] });
    const text = 'Plasterboard hanging and plasterboard jointing.';
    expect((await suggestFromDescription({ commons, search }, text, [], 2)).items).toHaveLength(2);
    expect((await suggestFromDescription({ commons, search }, text, [], 0)).items).toEqual([]);
  });

  it('still suggests the commons skills while search is down, and says ESCO was not searched', async () => {
    const { search } = fakeSearch({}, true);
    const found = await suggestFromDescription({ commons, search }, 'Plasterboard hanging on stud walls.');
    expect(found.escoUnavailable).toBe(true);
    expect(found.items.map((item) => item.id)).toContain('plasterboard-hanging');
  });
});

describe('the phrases a description is searched by', () => {
  it('puts the words said most often first, then the longest, and leaves stop words out', () => {
    const phrases = descriptionPhrases('We need a plasterer. Plasterboard, plasterboard and the tiling of walls.');
    expect(phrases[0]).toBe('plasterboard');
    expect(phrases).not.toContain('the');
    expect(phrases).not.toContain('need');
    expect(phrases).not.toContain('we');
  });

  it('joins neighbouring words into runs, but never across a stop word or a sentence', () => {
    const phrases = descriptionPhrases('Hang plasterboard. Tiling the walls, stud walls.', 20);
    expect(phrases).toContain('hang plasterboard');
    expect(phrases).toContain('stud walls');
    expect(phrases).not.toContain('plasterboard tiling');
    expect(phrases).not.toContain('tiling walls');
    expect(phrases).not.toContain('walls stud');
  });

  it('folds accents and case so one word said two ways counts once', () => {
    expect(descriptionPhrases('Fontanería y FONTANERIA', 20).filter((p) => p === 'fontaneria')).toHaveLength(1);
    expect(descriptionPhrases('Fontanería y FONTANERIA', 1)).toEqual(['fontaneria']);
  });

  it('keeps at most the number of phrases asked for', () => {
    expect(descriptionPhrases('alpha bravo charlie delta echo foxtrot golf hotel india juliet', 3)).toHaveLength(3);
    expect(descriptionPhrases('alpha bravo', 0)).toEqual([]);
  });
});
