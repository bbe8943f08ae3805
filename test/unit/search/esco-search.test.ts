// ESCO's 13,939 skills beside the commons in one embedded index, as the local start builds it: a search
// reaches both, and the skills picker lists the commons' own skills first.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEscoFile } from '#adapters/content/esco-file.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { escoBase } from '#domain/content/esco-data.ts';
import { suggestSkills } from '#domain/content/suggest-skills.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import { contentDocuments } from '#domain/search/documents.ts';
import { escoSkillDocuments } from '#domain/search/esco-documents.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { commons } from '../../support/services.ts';

const esco = readEscoFile(join(import.meta.dirname, '../../../content/esco/esco.json.gz'));
const search = createEmbeddedSearchEngine();
beforeAll(async () => {
  await search.upsert(contentDocuments(commons, '2026-01-01T00:00:00.000Z'));
  await search.upsert(escoSkillDocuments(esco));
});

const titlesOf = async (text: string, type: 'skill' | 'course') =>
  (await search.search({ text, filters: { type: [type] }, pageSize: 50 })).hits.map((hit) => hit.document.title);

describe('searching ESCO beside the commons', () => {
  it('indexes every ESCO skill under its URI, with the CC BY 4.0 data file as source', async () => {
    expect(esco.skills).toHaveLength(13_939);
    const skills = (await search.listIds()).filter((entry) => entry.id.startsWith('skill:'));
    expect(skills).toHaveLength(13_939);
    expect(esco.licence).toBe('CC BY 4.0');
  });

  it('finds ESCO photovoltaic skills and the commons solar PV courses for "fotovoltaic"', async () => {
    expect(await titlesOf('fotovoltaic', 'skill')).toEqual(
      expect.arrayContaining(['install photovoltaic systems', 'maintain photovoltaic systems']),
    );
    expect(await titlesOf('fotovoltaic', 'course')).toEqual(
      expect.arrayContaining(['Solar PV fundamentals and site survey', 'PV testing, commissioning and maintenance']),
    );
  });

  it('finds ESCO plastering skills for "plastering", and the commons plasterboard course for "plaster"', async () => {
    expect(await titlesOf('plastering', 'skill')).toEqual(
      expect.arrayContaining(['plaster surfaces', 'prepare surface for plastering']),
    );
    expect(await titlesOf('plaster', 'course')).toContain('Plasterboard hanging and jointing');
  });
});

describe('the skills picker suggestions', () => {
  it('lists the commons own skills first, then ESCO skills by URI, with the attribution', async () => {
    const { items, attribution } = await suggestSkills({ commons, search }, 'plaster', 10);
    expect(items.slice(0, 2).map((item) => [item.source, item.id])).toEqual([
      ['commons', 'plasterboard-hanging'],
      ['commons', 'plasterboard-jointing'],
    ]);
    const firstEsco = items.findIndex((item) => item.source === 'esco');
    expect(firstEsco).toBeGreaterThan(1);
    expect(items.slice(firstEsco).every((item) => item.source === 'esco')).toBe(true);
    expect(items).toContainEqual({
      source: 'esco',
      id: `${escoBase}skill/20f56226-24ed-495f-8bf5-0b2aa6413ba1`,
      label: 'plaster surfaces',
      esco: `${escoBase}skill/20f56226-24ed-495f-8bf5-0b2aa6413ba1`,
    });
    expect(attribution).toBe('ESCO, © European Union, CC BY 4.0');
  });

  it('suggests an ESCO skill that a commons skill stands for as that commons skill, and only once', async () => {
    // "place drywall" is plasterboard-hanging's ESCO match; the commons skill's own words say no "drywall".
    const drywall = `${escoBase}skill/fd8a3c14-fe25-4490-a85d-0215d0a5aa6f`;
    const { items } = await suggestSkills({ commons, search }, 'drywall', 20);
    // "tape drywall" (plasterboard-jointing's match) may rank above it: both are the commons' skills.
    expect(items.slice(0, 2).map((item) => item.source)).toEqual(['commons', 'commons']);
    expect(items.find((item) => item.esco === drywall)).toMatchObject({
      source: 'commons',
      id: 'plasterboard-hanging',
    });
    expect(items.filter((item) => item.esco === drywall)).toHaveLength(1);
    expect(items.filter((item) => item.source === 'commons').map((item) => item.id)).toEqual([
      ...new Set(items.filter((item) => item.source === 'commons').map((item) => item.id)),
    ]);
  });

  it('finds ESCO skills for a misspelling the commons words cannot match', async () => {
    const { items } = await suggestSkills({ commons, search }, 'fotovoltaic', 10);
    expect(items[0]?.source).toBe('commons');
    expect(items.map((item) => item.label)).toContain('install photovoltaic systems');
  });

  it('suggests nothing for text without a letter or digit, rather than every skill', async () => {
    for (const text of ['!!!', '—', '  ', '%']) {
      expect((await suggestSkills({ commons, search }, text, 10)).items).toEqual([]);
    }
  });

  it('never lists more than the limit', async () => {
    for (const limit of [1, 3, 20]) {
      expect((await suggestSkills({ commons, search }, 'install', limit)).items).toHaveLength(limit);
    }
  });

  it('still suggests the commons skills while search is down, and says ESCO was not searched', async () => {
    const down: Pick<SearchIndex, 'search'> = {
      search: async () => {
        throw new SearchUnavailableError('search is down');
      },
    };
    const answer = await suggestSkills({ commons, search: down }, 'plaster', 10);
    expect(answer.escoUnavailable).toBe(true);
    expect(answer.items.map((item) => item.id)).toEqual(['plasterboard-hanging', 'plasterboard-jointing']);
  });
});
