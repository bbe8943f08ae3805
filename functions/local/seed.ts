// Loads the demo data. Every write is a create-if-absent, so a second start changes nothing.
import type { Services } from '#app/services.ts';
import { demoPeople } from './demo-data/people.ts';

export interface SeedReport {
  people: number;
}

export async function seedDemoData(services: Pick<Services, 'people'>): Promise<SeedReport> {
  await Promise.all(demoPeople.map((person) => services.people.createIfAbsent(person)));
  return { people: demoPeople.length };
}
