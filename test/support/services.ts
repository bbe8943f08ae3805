// In-memory services for unit tests: the real use cases and router with fake ports.
import type { Services } from '#app/services.ts';
import { parseConfig } from '#config/config.ts';
import type { PeopleRepository, Person } from '#domain/people/person.ts';
import { createLogger } from '#http/log.ts';

export function memoryPeople(initial: Person[] = []): PeopleRepository & { all(): Person[] } {
  const people = new Map(initial.map((person) => [person.id, person]));
  return {
    async get(id) {
      return people.get(id) ?? null;
    },
    async createIfAbsent(person) {
      const existing = people.get(person.id);
      if (existing) return existing;
      people.set(person.id, person);
      return person;
    },
    all: () => [...people.values()],
  };
}

export const testConfig = parseConfig({
  STAGE: 'test',
  AUTH_ISSUER: 'https://issuer.test',
  AUTH_AUDIENCE: 'guildhall-test',
  AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
  LOG_LEVEL: 'silent',
});

export function fakeServices(overrides: Partial<Services> = {}): Services {
  return {
    config: testConfig,
    log: createLogger('silent'),
    people: memoryPeople(),
    search: { health: async () => ({ engine: 'embedded', documents: 0 }) },
    healthProbes: [],
    verifyToken: async () => {
      throw new Error('no tokens in unit tests');
    },
    now: () => new Date('2026-11-21T12:00:00.000Z'),
    ...overrides,
  };
}
