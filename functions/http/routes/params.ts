// Schemas every route table shares: ids in paths and the paging of lists.
import * as z from 'zod';

/** A Guildhall id in a path or query: lowercase words, digits and hyphens. */
export const idParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/, 'must be a lowercase id');

/** Page numbers and a page size clamped to 100, for every list. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
