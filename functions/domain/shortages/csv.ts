// The ranking as open data in CSV (RFC 4180): one row per skill, every input beside its score, so a
// spreadsheet can check the arithmetic.
import type { SkillShortage } from './score.ts';

export const shortageCsvColumns = [
  'rank',
  'skill',
  'label',
  'trade',
  'trade_rank',
  'score',
  'demand_fte',
  'supply',
  'open_openings',
  'open_positions',
  'credentialed_available',
  'declared_available',
  'learners',
  'courses',
] as const;

/** Quotes a field when it holds a comma, quote or line break; a quote is doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function shortagesCsv(skills: SkillShortage[]): string {
  const rows = skills.map((s) =>
    [
      s.rank,
      s.skill,
      s.label,
      s.trade,
      s.tradeRank,
      s.score,
      s.demand,
      s.supply,
      s.inputs.openings,
      s.inputs.positions,
      s.inputs.credentialed,
      s.inputs.declared,
      s.inputs.learners,
      s.courses.join(' '),
    ]
      .map(csvField)
      .join(','),
  );
  return `${[shortageCsvColumns.join(','), ...rows].join('\r\n')}\r\n`;
}
