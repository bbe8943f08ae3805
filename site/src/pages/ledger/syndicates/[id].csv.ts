import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { syndicateStatement } from '#domain/innovations/ledger-use-cases.ts';
import { statementCsv } from '#domain/innovations/statements.ts';
import { getServices } from '../../../lib/services.ts';

export const prerender = false;

/** A syndicate's Bound statement as CSV. */
export const GET: APIRoute = async ({ params }) => {
  const syndicateId = params.id ?? '';
  try {
    const { rows } = await syndicateStatement(getServices(), syndicateId);
    return new Response(statementCsv(rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="bound-${syndicateId}.csv"`,
        'cache-control': 'public, max-age=60',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('No such syndicate.', { status: 404 });
    throw error;
  }
};
