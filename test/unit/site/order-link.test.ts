import { describe, expect, it } from 'vitest';
import { translator } from '#domain/i18n/catalogue.ts';
import { orderLinkOf } from '../../../site/src/lib/order-link.ts';

const open = { id: 'ada-books', status: 'open' };
const t = translator('en');

describe('the offer page’s order link', () => {
  it('sends a signed-in person who is not the seller to the order form for this offer', () => {
    expect(orderLinkOf(open, { signedIn: true, seller: false }, t)).toEqual({
      href: '/me/orders/new/?offer=ada-books',
      label: 'Order this offer',
    });
  });

  it('asks someone signed out to sign in, through the same form (which sends them to sign in and back)', () => {
    expect(orderLinkOf(open, { signedIn: false, seller: false }, t)).toEqual({
      href: '/me/orders/new/?offer=ada-books',
      label: 'Sign in to order this offer',
    });
  });

  it('words the link in the reader’s language', () => {
    expect(orderLinkOf(open, { signedIn: true, seller: false }, translator('es'))?.label).toBe('Pedir esta oferta');
    expect(orderLinkOf(open, { signedIn: false, seller: false }, translator('nl'))?.label).toBe(
      'Log in om dit aanbod te bestellen',
    );
  });

  it('offers its seller no way to order their own offer', () => {
    expect(orderLinkOf(open, { signedIn: true, seller: true }, t)).toBeUndefined();
  });

  it.each(['withdrawn', 'expired'])('offers no way to order a %s offer', (status) => {
    expect(orderLinkOf({ id: 'ada-books', status }, { signedIn: true, seller: false }, t)).toBeUndefined();
  });
});
