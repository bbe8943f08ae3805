import { describe, expect, it } from 'vitest';
import { escoSkillDocument, escoSkillDocuments, escoUriOf } from '#domain/search/esco-documents.ts';

const uuid = '20f56226-24ed-495f-8bf5-0b2aa6413ba1';

describe('an ESCO skill as a search document', () => {
  it('keeps one id per concept across imports, and links to the concept URI', () => {
    const document = escoSkillDocument(
      [`skill/${uuid}`, 'plaster surfaces', null, 'plaster surfaces apply plaster'],
      'x',
    );
    expect(document).toMatchObject({
      id: `skill:esco/${uuid}`,
      type: 'skill',
      title: 'plaster surfaces',
      summary: '',
      body: 'plaster surfaces apply plaster',
      url: `http://data.europa.eu/esco/skill/${uuid}`,
    });
    expect(escoUriOf(document)).toBe(`http://data.europa.eu/esco/skill/${uuid}`);
  });

  it('summarises by the alternative labels other than the label, cut to 200 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => `alternative label ${i}`);
    const short = escoSkillDocument([`skill/${uuid}`, 'weld', ['weld', 'join metal'], 'weld'], 'x');
    expect(short.summary).toBe('join metal');
    const long = escoSkillDocument([`skill/${uuid}`, 'weld', many, 'weld'], 'x');
    expect(long.summary).toHaveLength(200);
    expect(long.summary.endsWith('…')).toBe(true);
  });

  it('dates every document by the import, so a new import shows as stale in reconcile', () => {
    const documents = escoSkillDocuments({ imported: '2026-12-06', skills: [[`skill/${uuid}`, 'weld', null, 'weld']] });
    expect(documents[0]?.updatedAt).toBe('2026-12-06T00:00:00.000Z');
  });

  it('is not an ESCO skill when it is another kind of document', () => {
    expect(escoUriOf({ type: 'course', url: `http://data.europa.eu/esco/skill/${uuid}` })).toBeUndefined();
    expect(escoUriOf({ type: 'skill', url: '/learn/skills/weld/' })).toBeUndefined();
  });
});
