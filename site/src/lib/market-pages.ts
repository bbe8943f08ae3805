// What an offer's or a want's page reads before it renders: the listing by the id in its address, or
// nothing (the page answers 404), so an id no page could have never reaches the store.
import { NotFoundError } from '#domain/errors.ts';
import type { Translate } from '#domain/i18n/catalogue.ts';
import { isId } from '#domain/ids.ts';
import { type Side, viewListing } from '#domain/market/market-use-cases.ts';
import { getServices } from './services.ts';

export type Listed = Awaited<ReturnType<typeof viewListing>>;

export async function findListing(side: Side, id: string | undefined): Promise<Listed | undefined> {
  if (!isId(id)) return undefined;
  try {
    return await viewListing(getServices(), side, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return undefined;
  }
}

export const noSuchListing = (side: Side, t: Translate) =>
  new Response(t('listing.noSuch', side), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
