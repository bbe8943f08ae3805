import type { APIRoute } from 'astro';
import { personStatement } from '#domain/innovations/ledger-use-cases.ts';
import { statementCsv } from '#domain/innovations/statements.ts';
import { csvLines } from '#http/routes/queries.ts';
import { getServices } from '../../lib/services.ts';
import { currentIdentity, signInRedirect } from '../../lib/session.ts';
import { csvPage } from '../../lib/statement-csv.ts';

export const prerender = false;

/** The signed-in person's Bound statement as CSV, up to 1,000 lines from `?cursor=` (as GET /api/me/statement). */
export const GET: APIRoute = async ({ cookies, url }) => {
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect('/ledger/me.csv');
  return csvPage(
    url,
    async (cursor) => {
      const page = await personStatement(getServices(), identity.personId, { limit: csvLines, cursor });
      return { text: statementCsv(page.items), next: page.next };
    },
    `bound-${identity.personId}`,
    'private',
  );
};
