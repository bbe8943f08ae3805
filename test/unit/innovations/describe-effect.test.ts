// A measured effect in words (innovation.ts `describeEffect`): its numbers and its change written as the
// reader's language writes them, the unit as the inventor wrote it.
import { describe, expect, it } from 'vitest';
import { describeEffect } from '#domain/innovations/innovation.ts';

const effect = (before: number, after: number) => ({
  unit: 'minutes per repair',
  before,
  after,
  method: 'Timed over twenty repairs.',
});

describe('a measured effect in words', () => {
  it('writes the numbers and the change with the reader’s decimal and thousands marks', () => {
    expect(describeEffect(effect(1250.5, 980))).toBe('minutes per repair: 1,250.5 → 980 (−21.6%)');
    expect(describeEffect(effect(1250.5, 980), 'es').replace(/\s/g, ' ')).toBe(
      'minutes per repair: 1250,5 → 980 (−21,6 %)',
    );
    expect(describeEffect(effect(1250.5, 980), 'nl')).toBe('minutes per repair: 1.250,5 → 980 (−21,6%)');
  });

  it('signs a gain, leaves no change unsigned, and says no change against nothing before', () => {
    expect(describeEffect(effect(40, 50), 'nl')).toBe('minutes per repair: 40 → 50 (+25%)');
    expect(describeEffect(effect(40, 40))).toBe('minutes per repair: 40 → 40 (0%)');
    expect(describeEffect(effect(0, 12.5), 'es')).toBe('minutes per repair: 0 → 12,5');
  });
});
