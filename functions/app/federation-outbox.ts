// What runs an outbox job (domain/federation/outbox.ts), wherever the queue is: the delivery consumer in
// AWS (handlers/federation-delivery.ts, beside the deliveries), the federation services' in-process
// queue on one machine. And the opening's Note as GET /api/federation/openings/{id} serves it. No Fedify
// here: the Note is plain JSON, signing stays in the deliverer.
import { catalogueIds, federationIds, instanceActor } from '#adapters/activitypub/paths.ts';
import type { Commons } from '#domain/content/commons.ts';
import { markdownToText, renderMarkdown } from '#domain/content/markdown.ts';
import type { CommonsObject } from '#domain/federation/commons-objects.ts';
import { recordObject } from '#domain/federation/record-object.ts';
import type { InnovationRepository } from '#domain/innovations/innovation-repository.ts';
import type { PeopleRepository } from '#domain/people/person.ts';
import type { DeliveryJob } from '#domain/federation/delivery.ts';
import type { FollowerRepository } from '#domain/federation/follower.ts';
import { type InstanceBlockRepository, isBlockedUrl } from '#domain/federation/instance-block.ts';
import {
  type OpeningActivityType,
  openingActivity,
  openingNote,
  type StoredOpening,
} from '#domain/federation/opening-activity.ts';
import type { BackfillSources, OutboxDeps } from '#domain/federation/outbox.ts';
import type { AnnouncedCourseRepository } from '#domain/federation/catalogue-objects.ts';
import { catalogueBackfillSources } from '#domain/federation/catalogue-publishing.ts';
import type { ShortageSnapshotReads } from '#domain/shortages/shortage-repository.ts';
import type { Syndicate, SyndicateRepository } from '#domain/syndicates/syndicate.ts';

export interface OutboxServices {
  origin: string;
  syndicates: Pick<SyndicateRepository, 'get'>;
  followers: Pick<FollowerRepository, 'page' | 'get'>;
  instanceBlocks: Pick<InstanceBlockRepository, 'firstBlocked'>;
  deliveries: OutboxDeps['deliveries'];
  outbox: OutboxDeps['outbox'];
  /** The commons, for its skills' labels (read on first use). */
  commons?: (() => Pick<Commons, 'skills'>) | undefined;
  /** Innovation records and their inventors' names, for the records' Documents (absent: records are not published). */
  records?: RecordSources | undefined;
  /** The repositories an unfollow's or a block's removal jobs read and write (forgetting.ts). */
  forgetting?: OutboxDeps['forgetting'];
  /**
   * What the catalogue's backfill reads: the commons, its snapshots and what was announced. Absent where
   * the outbox runs without the commons (the delivery consumer in AWS): a new follower is then sent no
   * courses or snapshot by backfill, only what is announced after it followed.
   */
  catalogue?:
    | {
        commons: () => Pick<Commons, 'courses' | 'practices' | 'skills'>;
        shortages: ShortageSnapshotReads;
        announcedCourses: Pick<AnnouncedCourseRepository, 'get'>;
        now: () => Date;
      }
    | undefined;
}

/** What a record's Document is read from. */
export interface RecordSources {
  innovations: Pick<InnovationRepository, 'get' | 'getVersion'>;
  people: Pick<PeopleRepository, 'getMany'>;
  commons: () => Pick<Commons, 'skills' | 'practices'>;
}

/**
 * A record's Document as it is now: its current published version, its inventors' names as its page
 * shows them, its skills' labels and trade from the commons; null when it is not published (or gone).
 */
export async function recordDocument(
  sources: RecordSources,
  origin: string,
  recordId: string,
): Promise<CommonsObject | null> {
  const record = await sources.innovations.get(recordId);
  if (record?.status !== 'published') return null;
  const version = await sources.innovations.getVersion(recordId, record.currentVersion);
  if (version?.status !== 'published') return null;
  const people = await sources.people.getMany(version.inventors.map((inventor) => inventor.personId));
  const commons = sources.commons();
  const ids = federationIds(origin);
  return recordObject(record, version, {
    objectId: ids.recordOf(recordId),
    url: `${origin}/innovations/${recordId}/`,
    summaryText: markdownToText(version.problem),
    trade:
      (version.practice ? commons.practices.get(version.practice)?.trade : undefined) ??
      commons.skills.get(version.skills[0] ?? '')?.trade,
    skillLabel: (id) => commons.skills.get(id)?.label,
    inventorNames: version.inventors.map((inventor) => people.get(inventor.personId)?.name ?? inventor.personId),
    adoptions: record.adopterCount ?? 0,
  });
}

/**
 * What a new follower of the commons is sent of what exists (domain/federation/outbox.ts, backfill): the
 * catalogue's courses and the latest shortage snapshot register their paged readers here. Records are
 * not backfilled (only new ones federate, as openings).
 */
export function backfillSources(services: OutboxServices): BackfillSources {
  const { catalogue } = services;
  if (!catalogue) return {};
  const deps = {
    // The commons is read when the first backfill page asks, not when the outbox is built.
    get commons() {
      return catalogue.commons();
    },
    shortages: catalogue.shortages,
    announcedCourses: catalogue.announcedCourses,
    ids: catalogueIds(services.origin),
    now: catalogue.now,
  };
  return catalogueBackfillSources(deps);
}

/** The opening's Note: its description through the one markdown pipeline, commons skills by their labels. */
export function noteOf(
  opening: StoredOpening,
  syndicate: Syndicate,
  origin: string,
  commons?: () => Pick<Commons, 'skills'>,
) {
  return openingNote(opening, syndicate, {
    ids: federationIds(origin),
    descriptionHtml: renderMarkdown(opening.description, { topLevel: 2 }),
    skillLabel: commons ? (id) => commons().skills.get(id)?.label : undefined,
  });
}

export function outboxDeps(services: OutboxServices): OutboxDeps {
  const ids = federationIds(services.origin);
  return {
    followers: services.followers,
    blocked: (inbox) => isBlockedUrl(services.instanceBlocks, inbox),
    deliveries: services.deliveries,
    outbox: services.outbox,
    backfillSources: backfillSources(services),
    commonsIds: {
      actor: ids.actorOf(instanceActor),
      followers: ids.followersOf(instanceActor),
      activityBase: ids.activityBase,
    },
    ...(services.records
      ? {
          records: {
            objectId: ids.recordOf,
            object: (recordId: string) => recordDocument(services.records as RecordSources, services.origin, recordId),
          },
        }
      : {}),
    forgetting: services.forgetting,
    async activityFor(type: OpeningActivityType, opening: StoredOpening): Promise<DeliveryJob['activity'] | null> {
      if (type === 'Delete') return openingActivity(type, opening, ids);
      const syndicate = await services.syndicates.get(opening.syndicateId);
      if (!syndicate) return null;
      return openingActivity(type, opening, ids, noteOf(opening, syndicate, services.origin, services.commons));
    },
  };
}
