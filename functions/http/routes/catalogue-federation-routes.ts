// The commons' catalogue and daily shortage snapshot as ActivityStreams Documents (issue 20): what a
// follower re-fetches by id after a Create or Update names it. Plain JSON routes over the commons and the
// snapshots, with no Fedify: they live in `practical-api`, which already carries the commons, the
// shortage repository and search, and has the room (`federation-api` is at its 3 MB budget, `api` and
// `learning-api` within a few KB of theirs; ARCHITECTURE.md, Federation, "Courses and shortages").
import * as z from 'zod/mini';
import type { RemoteCourse, RemoteShortageSnapshot } from '#domain/federation/remote-catalogue.ts';
import { catalogueIds, federationPaths } from '#domain/federation/paths.ts';
import { createAnnouncedCourseRepository } from '#adapters/dynamodb/announced-course-repository.ts';
import { createShortageSnapshotReads } from '#adapters/dynamodb/shortage-snapshot-reads.ts';
import { documented } from '#config/bundle.ts';
import { escoLabelsFrom } from '#domain/content/skill-ref.ts';
import { servedCourse, servedShortages } from '#domain/federation/catalogue-publishing.ts';
import { NotFoundError } from '#domain/errors.ts';
import { commonsIdSchema } from '#domain/content/commons.ts';
import { publicRoute } from '../route.ts';
import { catalogueServices } from '#app/catalogue-services.ts';
import { pageBody, pageSchema } from './paged.ts';
import { cursorQuery } from './params.ts';

const activityJson = 'application/activity+json';
const tags = ['federation'];
const headers = { 'cache-control': 'public, max-age=60', vary: 'accept', 'access-control-allow-origin': '*' };

export const catalogueFederationRoutes = [
  publicRoute<{ slug: string }>({
    method: 'GET',
    path: federationPaths.course,
    auth: 'none',
    input: () => ({ params: z.object({ slug: commonsIdSchema().check(z.maxLength(120)) }) }),
    doc: documented && {
      summary: 'A course or practice guide of this commons as an ActivityStreams Document',
      tags,
      responses: {
        200: {
          description: 'The Document its Create and Update carried (`guildhall:type` "course").',
          contentType: activityJson,
        },
        404: { description: 'No course or practice guide has this slug here.' },
        410: { description: 'It left the catalogue: a Tombstone.', contentType: activityJson },
      },
    },
    async handle({ params, services }) {
      const served = await servedCourse(
        {
          commons: services.commons,
          announcedCourses: createAnnouncedCourseRepository(services.storeClient, services.config.TABLE_NAME),
          ids: catalogueIds(services.config.PUBLIC_URL),
          now: services.now,
        },
        params.slug,
      );
      if (served.status === 'none') throw new NotFoundError('course or practice guide', params.slug);
      const body = served.status === 'found' ? served.document : served.tombstone;
      return {
        status: served.status === 'found' ? 200 : 410,
        headers,
        contentType: activityJson,
        body: JSON.stringify(body),
      };
    },
  }),
  publicRoute<{ date: string }>({
    method: 'GET',
    path: federationPaths.shortages,
    auth: 'none',
    input: () => ({
      params: z.object({
        date: z.union([z.literal('latest'), z.iso.date('Name a day as YYYY-MM-DD, or latest for the newest.')]),
      }),
    }),
    doc: documented && {
      summary: 'A day’s shortage snapshot of this commons (or the latest) as an ActivityStreams Document',
      tags,
      responses: {
        200: {
          description:
            'The snapshot’s Document (`guildhall:type` "shortages"): its figures and the 100 scarcest skills.',
          contentType: activityJson,
        },
        404: { description: 'No snapshot was kept that day (or none yet).' },
      },
    },
    async handle({ params, services }) {
      const document = await servedShortages(
        {
          commons: services.commons,
          shortages: createShortageSnapshotReads(services.storeClient, services.config.TABLE_NAME),
          ids: catalogueIds(services.config.PUBLIC_URL),
          escoLabels: escoLabelsFrom(services.search),
        },
        params.date,
      );
      if (!document) throw new NotFoundError('shortage snapshot', params.date);
      return { status: 200, headers, contentType: activityJson, body: JSON.stringify(document) };
    },
  }),
  // What the commons this one follows sent: the catalogue's and the shortages page's remote parts, as lists.
  publicRoute<Record<string, never>, { cursor?: string | undefined; pageSize: number }>({
    method: 'GET',
    path: '/api/federation/remote-courses',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The courses and practice guides of the commons this instance follows, by commons (paged)',
      tags,
      responses: {
        200: {
          description: 'A page of remote courses, each with its origin host and link there.',
          schema: () => pageSchema(remoteCourseSchema()),
        },
      },
    },
    async handle({ query, services }) {
      const page = await catalogueServices(services).remoteCourses.page({
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return { body: pageBody(page, remoteCourseView), headers: listHeaders };
    },
  }),
  publicRoute<Record<string, never>, { cursor?: string | undefined; pageSize: number }>({
    method: 'GET',
    path: '/api/federation/remote-shortages',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The newest shortage snapshot of each commons this instance follows (paged)',
      tags,
      responses: {
        200: {
          description: 'A page of snapshots, one per followed commons.',
          schema: () => pageSchema(remoteSnapshotSchema()),
        },
      },
    },
    async handle({ query, services }) {
      const page = await catalogueServices(services).remoteShortages.page({
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return { body: pageBody(page, remoteSnapshotView), headers: listHeaders };
    },
  }),
];

const listHeaders = { 'cache-control': 'public, max-age=60' };

/** What the API shows of a remote course: the stored item less its bookkeeping. */
function remoteCourseView(course: RemoteCourse) {
  const { objectId, followId, origin, kind, title, summary, trade, skills, licence, languages, hours, url, updated } =
    course;
  return {
    id: objectId,
    followId,
    origin,
    kind,
    title,
    summary,
    trade,
    skills,
    licence,
    languages,
    hours,
    url,
    updated,
  };
}

function remoteSnapshotView(snapshot: RemoteShortageSnapshot) {
  const { objectId, followId, origin, date, members, openPositions, rows } = snapshot;
  return { id: objectId, followId, origin, date, members, openPositions, rows };
}

const skillRefSchema = () => z.object({ id: z.string(), esco: z.optional(z.string()), label: z.string() });
const remoteCourseSchema = () =>
  z.object({
    id: z.string(),
    followId: z.string(),
    origin: z.string(),
    kind: z.enum(['course', 'guide']),
    title: z.string(),
    summary: z.string(),
    trade: z.string(),
    skills: z.array(skillRefSchema()),
    licence: z.string(),
    languages: z.array(z.string()),
    hours: z.nullable(z.number()),
    url: z.string(),
    updated: z.string(),
  });
const remoteSnapshotSchema = () =>
  z.object({
    id: z.string(),
    followId: z.string(),
    origin: z.string(),
    date: z.string(),
    members: z.number(),
    openPositions: z.number(),
    rows: z.array(z.object({ skill: skillRefSchema(), demand: z.number(), supply: z.number(), score: z.number() })),
  });
