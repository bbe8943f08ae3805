import type { APIRoute } from 'astro';
import { personStatement } from '#domain/innovations/ledger-use-cases.ts';
import { statementCsv } from '#domain/innovations/statements.ts';
import { getServices } from '../../lib/services.ts';
import { currentIdentity, signInRedirect } from '../../lib/session.ts';

export const prerender = false;

/** The signed-in person's Bound statement as CSV. */
export const GET: APIRoute = async ({ cookies }) => {
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect('/ledger/me.csv');
  const { rows } = await personStatement(getServices(), identity.personId);
  return new Response(statementCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="bound-${identity.personId}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
};
