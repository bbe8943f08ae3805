// An opening past its valid-through date expires without anyone writing to it, so no stream record
// says so. This sweep writes the fact down (`expiredOn`, a new version), and the stream then carries it
// to the shortage index and to search. The board and the opening page already read expiry from the date,
// so they agree before and after the sweep; status stays `open` and the board's index by status is
// untouched, while its index by skill lets the opening go (in the mark's transaction).
import { ConflictError } from '../errors.ts';
import type { Opening } from '../openings/opening.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import { everyPage } from '../paged-reads.ts';
import type { ShortageRepository } from './shortage-repository.ts';
import { needsExpiry, type OpeningFacts } from './sources.ts';

export interface ExpiryDependencies {
  openings: Pick<OpeningRepository, 'pageByStatus'>;
  shortages: Pick<ShortageRepository, 'markExpired'>;
  now: () => Date;
}

export interface ExpiryReport {
  checked: number;
  expired: string[];
  /** Changed between the listing and the mark (an edit won); the next sweep looks again. */
  skipped: string[];
}

/**
 * Steps: walk the open openings a page at a time (a job: it reads them all, but never holds more than
 * a page); mark each whose date passed, conditionally on the version listed.
 */
export async function expireOpenings(deps: ExpiryDependencies): Promise<ExpiryReport> {
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const report: ExpiryReport = { checked: 0, expired: [], skipped: [] };
  for await (const page of everyPage((request) => deps.openings.pageByStatus('open', request))) {
    report.checked += page.length;
    await markPage(deps, page, today, now, report);
  }
  return report;
}

async function markPage(
  deps: ExpiryDependencies,
  open: Opening[],
  today: string,
  now: Date,
  report: ExpiryReport,
): Promise<void> {
  for (const opening of open) {
    const facts: OpeningFacts & { version: number } = opening;
    if (!needsExpiry(facts, today)) continue;
    try {
      await deps.shortages.markExpired(
        { id: opening.id, version: opening.version, validThrough: opening.validThrough, skills: opening.skills },
        now.toISOString(),
      );
      report.expired.push(opening.id);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      report.skipped.push(opening.id);
    }
  }
}
