// What runs an outbox job (domain/federation/outbox.ts), wherever the queue is: the delivery consumer in
// AWS (handlers/federation-delivery.ts, beside the deliveries), the federation services' in-process
// queue on one machine. And the opening's Note as GET /api/federation/openings/{id} serves it. No Fedify
// here: the Note is plain JSON, signing stays in the deliverer.
import { catalogueIds, federationIds, instanceActor } from '#adapters/activitypub/paths.ts';
import type { Commons } from '#domain/content/commons.ts';
import { renderMarkdown } from '#domain/content/markdown.ts';
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
  followers: Pick<FollowerRepository, 'page'>;
  instanceBlocks: Pick<InstanceBlockRepository, 'firstBlocked'>;
  deliveries: OutboxDeps['deliveries'];
  outbox: OutboxDeps['outbox'];
  /** The commons, for its skills' labels (read on first use). */
  commons?: (() => Pick<Commons, 'skills'>) | undefined;
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
    async activityFor(type: OpeningActivityType, opening: StoredOpening): Promise<DeliveryJob['activity'] | null> {
      if (type === 'Delete') return openingActivity(type, opening, ids);
      const syndicate = await services.syndicates.get(opening.syndicateId);
      if (!syndicate) return null;
      return openingActivity(type, opening, ids, noteOf(opening, syndicate, services.origin, services.commons));
    },
  };
}
