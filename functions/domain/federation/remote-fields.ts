// The fields every document fetched from a followed instance is read with (an opening's Note, a record's,
// a course's or a snapshot's Document): each bounded, so no peer can make us keep more than they allow.
import * as z from 'zod/mini';
import { hostOf } from './instance-host.ts';

/** A string of at most `max` characters (its HTML is reduced to text by whoever keeps it). */
export const remoteText = (max: number) => z.string().check(z.maxLength(max));

/** An http(s) URL with a host, at most 2,048 characters (whether it is on the origin is checked apart). */
export const remoteUrl = () =>
  z.string().check(
    z.maxLength(2048),
    z.refine((value) => hostOf(value) !== null, 'an http(s) URL'),
  );

/** A time `Date.parse` reads, at most 40 characters. */
export const remoteTime = () =>
  z.string().check(
    z.maxLength(40),
    z.refine((value) => !Number.isNaN(Date.parse(value)), 'a time'),
  );

/** An ESCO skill's URI. */
export const escoSkillUri =
  /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A skill as a commons id (lowercase words and hyphens) or an ESCO URI. */
export const skillShape =
  /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
