// A region's shortages: this commons and those it follows, each instance's part kept, skills matched by
// ESCO URI or commons id, scored by the ranking's one formula over the sums.
import { describe, expect, it } from 'vitest';
import { regionShortages } from '#domain/federation/region-shortages.ts';

const esco = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001';

describe('a region’s shortages', () => {
  it('sums a skill across instances, by ESCO URI or commons id, and keeps each instance’s part', () => {
    const rows = regionShortages([
      {
        origin: 'here.example',
        rows: [
          { skill: { id: 'timber-framing', esco, label: 'Timber framing' }, demand: 2, supply: 1 },
          { skill: { id: 'plastering', label: 'Plastering' }, demand: 1, supply: 0 },
        ],
      },
      {
        origin: 'there.example',
        rows: [
          { skill: { id: 'carpentry-frames', esco, label: 'Frames' }, demand: 4, supply: 0 },
          { skill: { id: 'plastering', label: 'Plaster' }, demand: 0, supply: 2 },
          { skill: { id: 'nobody', label: 'Nobody' }, demand: 0, supply: 0 },
        ],
      },
    ]);
    expect(rows).toEqual([
      {
        skill: { id: 'timber-framing', esco, label: 'Timber framing' },
        demand: 6,
        supply: 1,
        score: 3,
        parts: [
          { origin: 'here.example', demand: 2, supply: 1 },
          { origin: 'there.example', demand: 4, supply: 0 },
        ],
      },
      {
        skill: { id: 'plastering', label: 'Plastering' },
        demand: 1,
        supply: 2,
        score: 1 / 3,
        parts: [
          { origin: 'here.example', demand: 1, supply: 0 },
          { origin: 'there.example', demand: 0, supply: 2 },
        ],
      },
    ]);
  });

  it('keeps the scarcest `limit`, equal scores by demand then label', () => {
    const instance = {
      origin: 'here.example',
      rows: ['b', 'a', 'c'].map((id, i) => ({
        skill: { id, label: id.toUpperCase() },
        demand: 1 + (i === 2 ? 1 : 0),
        supply: i === 2 ? 1 : 0,
      })),
    };
    // All score 1: c asks more (2 against 1), then a before b by label.
    expect(regionShortages([instance], 2).map((r) => r.skill.id)).toEqual(['c', 'a']);
    expect(regionShortages([instance]).map((r) => r.skill.id)).toEqual(['c', 'a', 'b']);
  });
});
