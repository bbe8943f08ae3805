// An opening's status in words, the same on its page and in its syndicate's list of every opening: the
// status a person sees (`effectiveStatus`: an open opening past its date is expired), never the stored one.
import type { EffectiveStatus } from '#domain/openings/opening.ts';

export const openingStatusText: Record<EffectiveStatus, string> = {
  open: 'Open',
  expired: 'Expired',
  filled: 'Filled',
  closed: 'Closed',
  draft: 'Draft',
};
