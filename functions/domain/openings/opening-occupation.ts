// The ESCO occupation an opening is for (JobPosting `occupationalCategory` and `relevantOccupation`),
// chosen from the occupations the commons has paths for (paths/): each has its skills mapped and a page
// a seeker can follow, and the list travels with the compiled commons, so no API function needs ESCO's
// whole data file to check a choice.
import * as z from 'zod/mini';
import type { Commons } from '../content/commons.ts';
import { ValidationError } from '../errors.ts';
import { openingWords } from '../i18n/work/opening-refusals.ts';
import { lazySchema } from '../zod.ts';

/** An ESCO occupation URI, or null for none (a form's empty choice; an edit that drops it). */
export const occupationFieldSchema = /* @__PURE__ */ lazySchema(() =>
  z._default(
    z.nullable(
      z
        .string()
        .check(
          z.regex(
            /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/,
            'Use an ESCO occupation URI, such as http://data.europa.eu/esco/occupation/ followed by its id.',
          ),
        ),
    ),
    null,
  ),
);

export interface OccupationChoice {
  uri: string;
  label: string;
  /** The path that leads to it. */
  pathId: string;
}

/** Every occupation an opening may name, by label; one per URI (a commons path before ESCO's). */
export function occupationChoices(commons: Pick<Commons, 'paths'>): OccupationChoice[] {
  const byUri = new Map<string, OccupationChoice>();
  for (const path of commons.paths.values())
    if (path.esco && !byUri.has(path.esco))
      byUri.set(path.esco, { uri: path.esco, label: path.label, pathId: path.id });
  return [...byUri.values()].sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/** The choice an opening names, if the commons still has a path to it. */
export function occupationOf(
  commons: Pick<Commons, 'paths'>,
  uri: string | null | undefined,
): OccupationChoice | undefined {
  if (!uri) return undefined;
  for (const path of commons.paths.values()) if (path.esco === uri) return { uri, label: path.label, pathId: path.id };
  return undefined;
}

/** Refuses an occupation the commons has no path to, naming `body.occupation`. */
export function checkOccupation(commons: Pick<Commons, 'paths'>, input: { occupation?: string | null }): void {
  if (input.occupation && !occupationOf(commons, input.occupation))
    throw new ValidationError([{ field: 'body.occupation', ...openingWords({ key: 'occupation', values: {} }) }]);
}
