// Loads the demo data: people, syndicates with their admins and members, openings, innovations, and
// a few offers, wants and an open commons proposal. Every write
// is conditional, so a second start changes nothing; dates are relative to the day it is loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Services } from '#app/services.ts';
import { ConflictError } from '#domain/errors.ts';
import { type Opening, openingInputSchema } from '#domain/openings/opening.ts';
import { slugSchema, syndicateInputSchema } from '#domain/syndicates/syndicate.ts';
import { seedCredentials } from './demo-data/credentials.ts';
import { seedInnovations } from './demo-data/innovations.ts';
import { seedMarket } from './demo-data/market.ts';
import { demoPeople } from './demo-data/people.ts';

const demoSyndicateSchema = z.strictObject({
  id: slugSchema(),
  ...syndicateInputSchema().shape,
  admins: z.array(z.string()).check(z.minLength(1)),
  members: z.array(z.string()),
});

const demoOpeningSchema = z.strictObject({
  id: slugSchema().check(z.maxLength(100)),
  syndicateId: slugSchema(),
  ...openingInputSchema().shape,
  validThrough: z.optional(z.undefined()),
  status: z.enum(['draft', 'open', 'closed']),
  validThroughDays: z.number().check(z.int()),
  postedDaysAgo: z.number().check(z.int(), z.minimum(0)),
});

const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'demo-data', name), 'utf8'));

export interface SeedReport {
  people: number;
  syndicates: number;
  openings: number;
  /** Innovation records loaded now (0 when they were loaded on an earlier start). */
  innovations: number;
  /** Offers, wants and proposals made now (0 when they were made on an earlier start). */
  market: number;
}

// Innovations are seeded through their use cases, which need every port.
type SeedServices = Services;

export async function seedDemoData(services: SeedServices): Promise<SeedReport> {
  await Promise.all(demoPeople.map((person) => services.people.createIfAbsent(person)));
  const syndicates = z.array(demoSyndicateSchema).parse(readJson('syndicates.json'));
  const openings = z.array(demoOpeningSchema).parse(readJson('openings.json'));
  const now = services.now();
  const day = 86_400_000;

  await Promise.all(
    syndicates.map(async ({ admins, members, id, ...input }) => {
      const [founder, ...otherAdmins] = admins;
      if (!founder) return;
      const at = new Date(now.getTime() - 90 * day).toISOString();
      try {
        await services.syndicates.create(
          { ...input, id, createdAt: at, createdBy: founder, memberCount: 1, adminCount: 1 },
          {
            syndicateId: id,
            personId: founder,
            role: 'admin',
            status: 'active',
            requestedAt: at,
            decidedAt: at,
            decidedBy: founder,
          },
        );
      } catch (error) {
        if (error instanceof ConflictError) return; // loaded on an earlier start
        throw error;
      }
      // Joined the way anyone joins, so the server-owned counts stay right.
      for (const [personId, role] of [
        ...otherAdmins.map((p) => [p, 'admin'] as const),
        ...members.map((p) => [p, 'member'] as const),
      ]) {
        const request = await services.syndicates.requestMembership({
          syndicateId: id,
          personId,
          role: 'member',
          status: 'requested',
          requestedAt: at,
        });
        await services.syndicates.changeMembership(request, {
          ...request,
          role,
          status: 'active',
          decidedAt: at,
          decidedBy: founder,
        });
      }
    }),
  );

  const founders = new Map(syndicates.map((s) => [s.id, s.admins[0] ?? 'demo']));
  await Promise.all(
    openings.map(async ({ validThroughDays, postedDaysAgo, validThrough: _unused, ...demo }) => {
      const posted = new Date(now.getTime() - postedDaysAgo * day).toISOString();
      const opening: Opening = {
        ...demo,
        validThrough: new Date(now.getTime() + validThroughDays * day).toISOString().slice(0, 10),
        filled: 0,
        version: 1,
        createdAt: posted,
        updatedAt: posted,
        createdBy: founders.get(demo.syndicateId) ?? 'demo',
        ...(demo.status === 'draft' ? {} : { datePosted: posted }),
      };
      try {
        await services.openings.create(opening);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }),
  );
  const innovations = await seedInnovations(services, {
    syndicates: syndicates.map((syndicate) => syndicate.id),
    people: demoPeople.map((person) => person.id),
  });
  // After the syndicates (a syndicate's listing needs its admin) and the innovations (whose steps set
  // the clock back: the listings and the proposal are made today).
  const market = await seedMarket(services);
  // After the syndicates: Lotte assesses plasterboard work for Riverside Builders.
  await seedCredentials(services);
  return {
    people: demoPeople.length,
    syndicates: syndicates.length,
    openings: openings.length,
    innovations,
    market,
  };
}
