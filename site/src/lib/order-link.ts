// Where an offer's page sends someone who wants to order it, and what the link says: only while the
// offer is open (a withdrawn or expired one takes no orders), and never to its seller (nobody stands
// on both sides of a trade). Someone signed out is asked to sign in first: the order form sends them
// there and back. The link's words are the reader's language's (`t`).
import type { Translate } from '#domain/i18n/catalogue.ts';

export interface OrderLink {
  href: string;
  label: string;
}

export function orderLinkOf(
  offer: { id: string; status: string },
  viewer: { signedIn: boolean; seller: boolean },
  t: Translate,
): OrderLink | undefined {
  if (offer.status !== 'open' || viewer.seller) return undefined;
  const href = `/me/orders/new/?offer=${encodeURIComponent(offer.id)}`;
  return { href, label: viewer.signedIn ? t('listing.order') : t('listing.signInToOrder') };
}
