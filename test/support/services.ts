// In-memory services for unit tests: the real use cases and router with fake ports.
import { join } from 'node:path';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { createServices, type Services } from '#app/services.ts';
import { type Config, parseConfig } from '#config/config.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Enrollment } from '#domain/learning/enrollment.ts';
import { memoryIdempotencyStore } from '#domain/limits/idempotency.ts';
import type { CvRecord } from '#domain/people/cv.ts';
import type { PersonDataRepository } from '#domain/people/person-data.ts';
import { memoryRateLimiter } from '#domain/limits/rate-limiter.ts';
import type {
  CredentialedSkill,
  LearningRepository,
  QuizAttempt,
  StoredCredential,
} from '#domain/learning/learning-repository.ts';
import type { PeopleRepository, Person } from '#domain/people/person.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { pagedFrom } from './memory-pages.ts';
import { createLogger } from '#platform/log.ts';
import { testOpenApiFile } from './open-api-file.ts';

import { drawKey } from '#domain/decisions/circle.ts';

export const commons = loadCommons(join(import.meta.dirname, '../../content'));

export function memoryPeople(initial: Person[] = []): PeopleRepository & { all(): Person[] } {
  const people = new Map(initial.map((person) => [person.id, person]));
  return {
    async get(id) {
      return people.get(id) ?? null;
    },
    async getMany(ids) {
      return new Map(ids.flatMap((id) => (people.has(id) ? [[id, people.get(id) as Person]] : [])));
    },
    async drawPage(after, limit) {
      const ordered = [...people.keys()].map((personId) => ({ personId, key: drawKey(personId) }));
      return ordered
        .filter((person) => person.key > after)
        .sort((a, b) => (a.key < b.key ? -1 : 1))
        .slice(0, limit);
    },
    async createIfAbsent(person) {
      const existing = people.get(person.id);
      if (existing) return existing;
      people.set(person.id, person);
      return person;
    },
    async saveProfile(person) {
      const stored = people.get(person.id);
      if (!stored || stored.version !== person.version - 1)
        throw new ConflictError('The profile changed since it was read.');
      people.set(person.id, { ...stored, ...person });
    },
    all: () => [...people.values()],
  };
}

/** Keeps the adapter's promises: conditional on version, a pass is all-or-nothing. */
export function memoryLearning(): LearningRepository & { attempts: QuizAttempt[] } {
  const enrollments = new Map<string, Enrollment>();
  const credentials = new Map<string, StoredCredential>();
  const skills = new Map<string, CredentialedSkill>();
  const attempts: QuizAttempt[] = [];
  const key = (personId: string, other: string) => `${personId}|${other}`;
  const checkVersion = (enrollment: Enrollment) => {
    const stored = enrollments.get(key(enrollment.personId, enrollment.courseId));
    if (stored?.version !== enrollment.version - 1) throw new ConflictError('The enrollment changed meanwhile.');
  };
  return {
    attempts,
    getEnrollment: async (personId, courseId) => enrollments.get(key(personId, courseId)) ?? null,
    listEnrollments: async (personId) => [...enrollments.values()].filter((e) => e.personId === personId),
    async createEnrollment(enrollment) {
      const k = key(enrollment.personId, enrollment.courseId);
      const existing = enrollments.get(k);
      if (existing) return existing;
      enrollments.set(k, enrollment);
      return enrollment;
    },
    async saveEnrollment(enrollment) {
      checkVersion(enrollment);
      enrollments.set(key(enrollment.personId, enrollment.courseId), enrollment);
    },
    async recordAttempt(enrollment, attempt) {
      checkVersion(enrollment);
      enrollments.set(key(enrollment.personId, enrollment.courseId), enrollment);
      attempts.push(attempt);
    },
    async recordPass(enrollment, attempt, credential, granted) {
      checkVersion(enrollment);
      if (credentials.has(credential.id)) throw new ConflictError('Credential exists.');
      enrollments.set(key(enrollment.personId, enrollment.courseId), enrollment);
      attempts.push(attempt);
      credentials.set(credential.id, credential);
      for (const skill of granted) skills.set(key(skill.personId, skill.skillId), skill);
    },
    pageAttempts: (personId, courseId, request) =>
      pagedFrom(() =>
        attempts
          .filter((a) => a.personId === personId && a.courseId === courseId)
          .sort((a, b) => b.attempt - a.attempt),
      )(request),
    getCredential: async (id) => credentials.get(id) ?? null,
    // Credentials are never deleted here, so the count of those stored is the count issued.
    credentialsIssued: async () => credentials.size,
    listCredentials: async (personId) => [...credentials.values()].filter((c) => c.personId === personId),
    listCredentialedSkills: async (personId) => [...skills.values()].filter((s) => s.personId === personId),
    findCredentialedSkills: async (personIds, skillIds) =>
      [...skills.values()].filter((s) => personIds.includes(s.personId) && skillIds.includes(s.skillId)),
  };
}

export const testConfig = parseConfig({
  STAGE: 'test',
  AUTH_ISSUER: 'https://issuer.test',
  AUTH_AUDIENCE: 'guildhall-test',
  AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
  PUBLIC_URL: 'https://guildhall.test',
  STEWARDS: 'steward',
  LOG_LEVEL: 'silent',
  OPENAPI_FILE: testOpenApiFile,
});

/** A search index that holds nothing; tests that search use the real embedded engine. */
const emptySearch: SearchIndex = {
  upsert: async () => undefined,
  delete: async () => undefined,
  search: async (query) => ({
    hits: [],
    total: 0,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 20,
    facets: {},
    processingTimeMs: 0,
  }),
  get: async () => [],
  listIds: async () => [],
  health: async () => ({ engine: 'embedded', documents: 0 }),
};

/**
 * A person's data kept in memory: CVs, and nobody deleted. The export and the deletion walk the store
 * (account-data.test.ts), so their reads and writes here say plainly that they are not faked.
 */
function memoryPersonData(): PersonDataRepository {
  const cvs = new Map<string, CvRecord>();
  const notFaked = async (): Promise<never> => {
    throw new Error('Not in the fake person-data repository: use the store (account-data.test.ts).');
  };
  return {
    getCv: async (personId) => cvs.get(personId) ?? null,
    saveCv: async (record) => void cvs.set(record.personId, record),
    removeCv: async (personId) => void cvs.delete(personId),
    getDeletion: async () => null,
    page: notFaked,
    pageBelowApplication: notFaked,
    removeProfile: notFaked,
    remove: notFaked,
    removeFields: notFaked,
    startDeletion: notFaked,
    finishDeletion: notFaked,
    // No Person actor has followers here (federation-world.ts keeps them, and forgets them, itself).
    forgetFollowers: async () => 0,
  };
}

export function fakeServices(overrides: Partial<Services> = {}, config: Partial<Config> = {}): Services {
  return createServices(
    { ...testConfig, ...config },
    {
      log: createLogger('silent'),
      commons,
      people: memoryPeople(),
      personData: memoryPersonData(),
      learning: memoryLearning(),
      search: emptySearch,
      healthProbes: [],
      rateLimiter: memoryRateLimiter({ limit: 1000, windowSeconds: 60 }),
      idempotency: memoryIdempotencyStore(),
      // No account here was deleted (account-data.test.ts deletes them in the store).
      accountDeletions: { deletedAt: async () => null },
      now: () => new Date('2026-11-21T12:00:00.000Z'),
      ...overrides,
    },
  );
}
