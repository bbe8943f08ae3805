// One day before a proposal closes, its members who have not voted are reminded. The sweep (every ten
// minutes) marks each open proposal whose window ends within a day, once: a conditional flag on the
// proposal (`closingSoonAt`), which the stream turns into the reminders (notifications/proposal-events.ts).
// Marked once, however many sweeps see it or race: the flag is set only where it is absent.
import { ConflictError } from '../errors.ts';
import type { PageRequest } from '../paging.ts';
import type { DecisionDependencies } from './dependencies.ts';

export const reminderMs = 86_400_000;

export interface ReminderReport {
  marked: number;
  failed: Array<{ id: string; error: string }>;
}

/**
 * Marks the open proposals closing within a day, soonest first, at most `maxPages` pages a run. The
 * store reads past those flagged already, so what a run leaves is what the next one reads first.
 */
export async function markClosingSoon(
  deps: Pick<DecisionDependencies, 'decisions' | 'now'>,
  { pageSize = 25, maxPages = 8 }: { pageSize?: number; maxPages?: number } = {},
): Promise<ReminderReport> {
  const now = deps.now();
  const from = now.toISOString();
  const until = new Date(now.getTime() + reminderMs).toISOString();
  const report: ReminderReport = { marked: 0, failed: [] };
  let request: PageRequest = { limit: pageSize };
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await deps.decisions.closingPage(from, until, request);
    for (const proposal of page.items) {
      // Flagged between the read and now (another sweep): the conditional write below refuses it too.
      if (proposal.closingSoonAt) continue;
      try {
        await deps.decisions.markClosingSoon(proposal.id, from);
        report.marked++;
      } catch (error) {
        // Marked meanwhile by another sweep, or closed: nothing to do.
        if (error instanceof ConflictError) continue;
        report.failed.push({ id: proposal.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (!page.next) break;
    request = { limit: pageSize, cursor: page.next };
  }
  return report;
}
