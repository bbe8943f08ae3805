import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { recordStatement } from '#domain/innovations/ledger-use-cases.ts';
import { recordCsv } from '#domain/innovations/statements.ts';
import { getServices } from '../../../lib/services.ts';

export const prerender = false;

/** Who received what from a record's settlements, as CSV (amounts in minor units and in Bound). */
export const GET: APIRoute = async ({ params }) => {
  const innovationId = params.id ?? '';
  try {
    const { parts } = await recordStatement(getServices(), innovationId);
    return new Response(recordCsv(parts), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="royalties-${innovationId}.csv"`,
        'cache-control': 'public, max-age=60',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('No such innovation record.', { status: 404 });
    throw error;
  }
};
