import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { recordStatement } from '#domain/innovations/ledger-use-cases.ts';
import { recordCsv } from '#domain/innovations/statements.ts';
import { csvSettlements } from '#http/routes/queries.ts';
import { getServices } from '../../../lib/services.ts';
import { csvPage } from '../../../lib/statement-csv.ts';

export const prerender = false;

/**
 * Who received what from a record's settlements, as CSV (amounts in minor units and in Bound): up to 100
 * settlements from `?cursor=`, newest first, as the API's statement route answers with format=csv.
 */
export const GET: APIRoute = async ({ params, url }) => {
  const innovationId = params.id ?? '';
  try {
    return await csvPage(
      url,
      async (cursor) => {
        const page = await recordStatement(getServices(), innovationId, { limit: csvSettlements, cursor });
        return { text: recordCsv(page.items.flatMap((settlement) => settlement.parts)), next: page.next };
      },
      `royalties-${innovationId}`,
      'public',
    );
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('No such innovation record.', { status: 404 });
    throw error;
  }
};
