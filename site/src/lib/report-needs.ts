// What a pending value report still waits for, in the reader's language: the domain names the needs
// (awaitingNeeds), the catalogue words them. The record's page and its reports' table both say it so.
import type { Translate } from '#domain/i18n/catalogue.ts';
import type { PersonShare } from '#domain/innovations/innovation.ts';
import { awaitingNeeds, type ReportDecisions } from '#domain/innovations/separation-of-duties.ts';

export function needsInWords(
  t: Translate,
  number: (value: number) => string,
  report: ReportDecisions,
  inventors: readonly PersonShare[],
  syndicateName: string,
): string[] {
  return awaitingNeeds(report, inventors).map((need) =>
    need.kind === 'shares'
      ? t('reports.need.shares', number(need.soFar / 100))
      : t('reports.need.unconflicted', syndicateName),
  );
}
