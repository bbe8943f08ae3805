// The ranking as open data in CSV (RFC 4180, through the project's one writer): one row per skill,
// every input beside its score, so a spreadsheet can check the arithmetic. Columns added later go last,
// so a sheet reading the earlier ones by position keeps working.
import { toCsv } from '../csv.ts';
import type { EscoSkillShortage } from './esco-shortages.ts';
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
  'open_wants',
  'wanted_hours',
  // Last, so the columns before it keep their places for anyone reading them by position.
  'trainees',
] as const;

/** The commons' skills, then the ESCO skills in the index (no trade, no course; `skill` is the URI). */
export function shortagesCsv(skills: readonly SkillShortage[], escoSkills: readonly EscoSkillShortage[] = []): string {
  return toCsv(shortageCsvColumns, [
    ...skills.map((s) => row(s, s.trade, s.tradeRank, s.courses.join(' '))),
    ...escoSkills.map((s) => row(s, '', '', '')),
  ]);
}

type Row = Pick<SkillShortage, 'rank' | 'skill' | 'label' | 'score' | 'demand' | 'supply' | 'inputs'>;

const row = (s: Row, trade: string, tradeRank: number | '', courses: string) => [
  s.rank,
  s.skill,
  s.label,
  trade,
  tradeRank,
  s.score,
  s.demand,
  s.supply,
  s.inputs.openings,
  s.inputs.positions,
  s.inputs.credentialed,
  s.inputs.declared,
  s.inputs.learners,
  courses,
  s.inputs.wants,
  s.inputs.wantedHours,
  s.inputs.trainees,
];
