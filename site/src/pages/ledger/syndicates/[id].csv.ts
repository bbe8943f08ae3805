import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { syndicateStatement } from '#domain/innovations/ledger-use-cases.ts';
import { statementCsv } from '#domain/innovations/statements.ts';
import { csvLines } from '#http/routes/queries.ts';
import { getServices } from '../../../lib/services.ts';
import { csvPage } from '../../../lib/statement-csv.ts';

export const prerender = false;

/** A syndicate's Bound statement as CSV, up to 1,000 lines from `?cursor=` (as the API's statement route). */
export const GET: APIRoute = async ({ params, url }) => {
  const syndicateId = params.id ?? '';
  try {
    return await csvPage(
      url,
      async (cursor) => {
        const page = await syndicateStatement(getServices(), syndicateId, { limit: csvLines, cursor });
        return { text: statementCsv(page.items), next: page.next };
      },
      `bound-${syndicateId}`,
      'public',
    );
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('No such syndicate.', { status: 404 });
    throw error;
  }
};
