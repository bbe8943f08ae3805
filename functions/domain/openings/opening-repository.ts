import type { Application } from './application.ts';
import type { Opening, OpeningStatus } from './opening.ts';

export interface OpeningRepository {
  get(openingId: string): Promise<Opening | null>;
  /** ConflictError if the id is taken. */
  create(opening: Opening): Promise<void>;
  /** Saves if the stored version is `opening.version - 1`; ConflictError otherwise. */
  save(opening: Opening): Promise<void>;
  listBySyndicate(syndicateId: string): Promise<Opening[]>;
  listByStatus(status: OpeningStatus): Promise<Opening[]>;
  getApplication(openingId: string, personId: string): Promise<Application | null>;
  /** Creates unless the person already applied; returns the stored application either way, and which. */
  createApplication(application: Application): Promise<{ application: Application; created: boolean }>;
  /** Saves if the stored status is `expected`; ConflictError otherwise. */
  saveApplication(application: Application, expected: Application['status']): Promise<void>;
  listApplications(openingId: string): Promise<Application[]>;
  listApplicationsOf(personId: string): Promise<Application[]>;
  /** One transaction: the application becomes accepted and the opening counts one more filled. */
  accept(application: Application, opening: Opening): Promise<void>;
}
