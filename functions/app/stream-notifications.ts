// Produces notifications from DynamoDB stream records. It runs in the table-only stream function beside
// the shortage consumer (handlers/shortage-stream.ts; why there: ARCHITECTURE.md, "A stream record") and
// in the local stream poller, with its own partial batch failures.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ItemChange } from '#domain/notifications/events.ts';
import {
  type EmailStep,
  maxRecipients,
  type NotificationLookups,
  type ProduceDependencies,
  produceNotifications,
} from '#domain/notifications/produce.ts';
import { type AssessorNoticeDependencies, notifyAssessors } from '#domain/notifications/assessment-request.ts';
import { fanOutProposal, type ProposalFanoutDependencies } from '#domain/notifications/proposal-fanout.ts';
import { proposalNoticeOf } from '#domain/notifications/proposal-events.ts';
import type { Logger } from '#platform/log.ts';
import type { BusinessCount } from '#platform/metrics.ts';
import type { StoreServices } from './store-services.ts';
import type { StreamRecord } from './stream-indexer.ts';
import type { BatchResult } from './stream-shortages.ts';

export interface NotificationStreamDependencies
  extends ProduceDependencies,
    ProposalFanoutDependencies,
    AssessorNoticeDependencies {
  log: Logger;
  count: (name: BusinessCount) => void;
}

/** The change a record carries, as the domain reads it: images unmarshalled, its id and time. */
export function changeOf(record: StreamRecord, now: Date): ItemChange | undefined {
  const data = record.dynamodb;
  if (!record.eventID || !data) return undefined;
  const created = data.ApproximateCreationDateTime;
  const at = created instanceof Date ? created : typeof created === 'number' ? new Date(created * 1000) : now;
  return {
    eventId: record.eventID,
    at: at.toISOString(),
    oldItem: data.OldImage ? unmarshall(data.OldImage) : undefined,
    newItem: data.NewImage && record.eventName !== 'REMOVE' ? unmarshall(data.NewImage) : undefined,
  };
}

/**
 * Records are handled in order; at the first failure the rest of the batch is left for the retry, which
 * stores nothing twice (each notification's id derives from the record's id) and sends only the mail
 * that had not gone.
 */
export async function notifyStreamRecords(
  deps: NotificationStreamDependencies,
  records: StreamRecord[],
): Promise<BatchResult> {
  const batch = { ...deps, notificationLookups: readOncePerBatch(deps.notificationLookups) };
  for (const record of records) {
    try {
      const change = changeOf(record, deps.now());
      if (!change) continue;
      // A syndicate proposal's members are told a page per record (proposal-fanout.ts), not in one event.
      const notice = proposalNoticeOf(change.oldItem, change.newItem);
      // A request for an assessment is told to the members the assessor rule allows (assessment-request.ts).
      const created =
        (await produceNotifications(batch, change)) +
        (notice ? await fanOutProposal(deps, notice) : 0) +
        (await notifyAssessors(deps, change));
      for (let i = 0; i < created; i++) deps.count('notifications');
    } catch (error) {
      const itemIdentifier = record.dynamodb?.SequenceNumber ?? '';
      deps.count('notificationFailures');
      deps.log.warn('notifications failed; the record will be retried', { itemIdentifier, error });
      return { batchItemFailures: [{ itemIdentifier }] };
    }
  }
  return { batchItemFailures: [] };
}

/**
 * Each lookup made once per batch: the first read already sees every write of the batch (the stream
 * runs behind the table), so reading again for a later record of the same syndicate or record would
 * find the same. A failed read is not kept, so the retry reads again.
 */
export function readOncePerBatch(lookups: NotificationLookups): NotificationLookups {
  const kept = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    const found = kept.get(key) as Promise<T> | undefined;
    if (found) return found;
    const reading = read();
    kept.set(key, reading);
    reading.catch(() => kept.delete(key));
    return reading;
  };
  return {
    adminsOf: (syndicateId) => once(`admins ${syndicateId}`, () => lookups.adminsOf(syndicateId)),
    inventorsOf: (innovationId, syndicateId) =>
      once(`inventors ${innovationId} ${syndicateId}`, () => lookups.inventorsOf(innovationId, syndicateId)),
    nameOf: (subject) => once(`name ${JSON.stringify(subject)}`, () => lookups.nameOf(subject)),
  };
}

/** What the producer reads, over the repositories: built where the stream is consumed, not in every function. */
export function notificationLookups(
  repositories: Pick<StoreServices, 'openings' | 'syndicates' | 'innovations'>,
): NotificationLookups {
  return {
    adminsOf: (syndicateId) => repositories.syndicates.activeAdmins(syndicateId, maxRecipients),
    async inventorsOf(innovationId, syndicateId) {
      const adoption = await repositories.innovations.getAdoption(innovationId, syndicateId);
      return adoption?.inventors.map((inventor) => inventor.personId) ?? [];
    },
    async nameOf(subject) {
      if ('opening' in subject) return (await repositories.openings.get(subject.opening))?.title;
      if ('syndicate' in subject) return (await repositories.syndicates.get(subject.syndicate))?.name;
      return (await repositories.innovations.get(subject.innovation))?.title;
    },
  };
}

/**
 * The consumer's dependencies from the store services (the Lambda handler and the local stack share it),
 * with the email step where mail is wired (none: the inbox alone).
 */
export function notificationStreamDependencies(
  services: StoreServices,
  sendEmail?: EmailStep,
): NotificationStreamDependencies {
  return { ...services, notificationLookups: notificationLookups(services), sendEmail };
}
