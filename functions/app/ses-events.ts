// SES publishes each bounce and complaint of the configuration set to an SNS topic; this turns a batch of
// those messages into entries of the suppression list. A message that is no SES event (or an event that
// suppresses nothing: a transient bounce, a delivery) is logged and passed over; a store failure is
// thrown, so Lambda tries the SNS delivery again and then sends it to the failure queue.
import { type Suppression, type SuppressionList, suppressionsFromSesEvent } from '#domain/notifications/suppression.ts';
import type { Logger } from '#platform/log.ts';

export interface SnsRecordLike {
  Sns: { Message: string; MessageId?: string };
}

export async function applySesEvents(
  deps: { suppressions: Pick<SuppressionList, 'suppress'>; log: Logger },
  records: readonly SnsRecordLike[],
): Promise<{ suppressed: number; ignored: number }> {
  let suppressed = 0;
  let ignored = 0;
  for (const record of records) {
    let event: unknown;
    try {
      event = JSON.parse(record.Sns.Message);
    } catch {
      deps.log.warn('SES event is not JSON; passed over', { messageId: record.Sns.MessageId });
      ignored++;
      continue;
    }
    const entries: Suppression[] = suppressionsFromSesEvent(event);
    if (entries.length === 0) ignored++;
    for (const entry of entries) {
      await deps.suppressions.suppress(entry);
      suppressed++;
    }
    // The address itself stays out of the log: the item in the table is where it is kept.
    if (entries.length > 0) deps.log.info('addresses suppressed', { reasons: entries.map((entry) => entry.reason) });
  }
  return { suppressed, ignored };
}
