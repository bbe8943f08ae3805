// How the Bound and innovation routes answer with data that holds amounts: JSON cannot carry a bigint,
// so amounts go out as strings of digits. Apart from any route module, so a group can answer this way
// without carrying another group's routes.
import { jsonSafe } from '#domain/innovations/statements.ts';
import type { RouteResult } from '../route.ts';

export const json = (body: unknown, status = 200, headers?: Record<string, string>): RouteResult => ({
  status,
  body: jsonSafe(body),
  ...(headers ? { headers } : {}),
});

/** An answer only its caller may see: never kept by a shared cache. */
export const mine = { 'cache-control': 'private, no-store' };
