// The catalogue's federation repositories (issue 20): what this commons last announced of its courses,
// and the courses and shortage snapshots the commons it follows sent. Plain table repositories, no Fedify:
// the functions that serve the catalogue's Documents (`practical-api`), show remote courses and snapshots
// (the site) and receive them (`federation-api`) build them from the store services' client on first use.
import { createAnnouncedCourseRepository } from '#adapters/dynamodb/announced-course-repository.ts';
import { createShortageSnapshotReads } from '#adapters/dynamodb/shortage-snapshot-reads.ts';
import {
  createRemoteCourseRepository,
  createRemoteShortageRepository,
} from '#adapters/dynamodb/remote-catalogue-repository.ts';
import type { AnnouncedCourseRepository } from '#domain/federation/catalogue-objects.ts';
import type { RemoteCourseRepository, RemoteShortageRepository } from '#domain/federation/remote-catalogue.ts';
import type { ShortageSnapshotReads } from '#domain/shortages/shortage-repository.ts';
import type { StoreServices } from './store-services.ts';

export interface CatalogueServices {
  announcedCourses: AnnouncedCourseRepository;
  remoteCourses: RemoteCourseRepository;
  remoteShortages: RemoteShortageRepository;
  /** This commons' own snapshots by day (what it publishes). */
  snapshots: ShortageSnapshotReads;
}

const built = new WeakMap<StoreServices['storeClient'], CatalogueServices>();

/** The catalogue repositories of these services: built on first use, then kept with them. */
export function catalogueServices(services: Pick<StoreServices, 'storeClient' | 'config'>): CatalogueServices {
  let catalogue = built.get(services.storeClient);
  if (!catalogue) {
    const { storeClient, config } = services;
    catalogue = {
      announcedCourses: createAnnouncedCourseRepository(storeClient, config.TABLE_NAME),
      remoteCourses: createRemoteCourseRepository(storeClient, config.TABLE_NAME),
      remoteShortages: createRemoteShortageRepository(storeClient, config.TABLE_NAME),
      snapshots: createShortageSnapshotReads(storeClient, config.TABLE_NAME),
    };
    built.set(services.storeClient, catalogue);
  }
  return catalogue;
}
