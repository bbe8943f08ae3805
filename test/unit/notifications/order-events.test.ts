// Which changes of an order tell whom: a new order its seller (a person, or a syndicate's admins), each
// later step the side that did not take it, a confirmation by the window's passing both sides; an
// unchanged status (a replayed record) nobody.
import { describe, expect, it } from 'vitest';
import { eventsOf, type Image, type ItemChange } from '#domain/notifications/events.ts';
import { englishWords } from '#domain/notifications/notification-text.ts';

const order = (fields: Image = {}): Image => ({
  type: 'order',
  id: 'o1',
  buyer: 'syndicate:taller',
  seller: 'person:ada',
  orderedBy: 'bram',
  title: 'Bookkeeping',
  status: 'ordered',
  ...fields,
});
const change = (oldItem: Image | undefined, newItem: Image): ItemChange => ({
  eventId: 'e1',
  at: '2026-12-06T10:00:00.000Z',
  oldItem,
  newItem,
});

describe('what an order’s changes tell', () => {
  const rows: Array<[string, ItemChange, Array<{ kind: string; to: unknown; except: string[] }>]> = [
    [
      'a new order tells the seller, not the person who placed it',
      change(undefined, order()),
      [{ kind: 'order-received', to: [{ people: ['ada'] }], except: ['bram'] }],
    ],
    [
      'an order of a syndicate’s offer tells its admins',
      change(undefined, order({ seller: 'syndicate:mill', buyer: 'person:cleo', orderedBy: 'cleo' })),
      [{ kind: 'order-received', to: [{ adminsOf: 'mill' }], except: ['cleo'] }],
    ],
    [
      'the seller accepting tells the buying syndicate’s admins',
      change(order(), order({ status: 'accepted', decidedBy: 'ada' })),
      [{ kind: 'order-changed', to: [{ adminsOf: 'taller' }], except: ['ada'] }],
    ],
    [
      'the seller delivering tells the buyer',
      change(order({ status: 'accepted' }), order({ status: 'delivered', decidedBy: 'ada' })),
      [{ kind: 'order-changed', to: [{ adminsOf: 'taller' }], except: ['ada'] }],
    ],
    [
      'the buyer disputing tells the seller',
      change(order({ status: 'delivered' }), order({ status: 'disputed', decidedBy: 'bram' })),
      [{ kind: 'order-changed', to: [{ people: ['ada'] }], except: ['bram'] }],
    ],
    [
      'the buyer confirming tells the seller',
      change(order({ status: 'delivered' }), order({ status: 'confirmed', decidedBy: 'bram' })),
      [{ kind: 'order-changed', to: [{ people: ['ada'] }], except: ['bram'] }],
    ],
    [
      'a confirmation by the window’s passing tells both sides',
      change(order({ status: 'delivered' }), order({ status: 'confirmed', decidedBy: 'bram', lapsed: true })),
      [{ kind: 'order-changed', to: [{ adminsOf: 'taller' }, { people: ['ada'] }], except: [] }],
    ],
    [
      'a replayed record (the same status) tells nobody',
      change(order({ status: 'accepted' }), order({ status: 'accepted' })),
      [],
    ],
    ['an order first seen in another status tells nobody', change(undefined, order({ status: 'accepted' })), []],
  ];

  it.each(rows)('%s', (_what, item, expected) => {
    expect(eventsOf(item).map(({ kind, to, except }) => ({ kind, to, except }))).toEqual(expected);
  });

  it('names the order and says what happened to it', () => {
    const [event] = eventsOf(change(order({ status: 'accepted' }), order({ status: 'delivered', decidedBy: 'ada' })));
    expect(event?.link).toBe('/me/orders/o1/');
    expect(event?.about).toEqual({ named: 'Bookkeeping' });
    expect(event && englishWords(event.text('Bookkeeping', 'bram'))).toEqual({
      title: 'Order Bookkeeping: delivered',
      summary: 'The order Bookkeeping was delivered: confirm it, or dispute it within its window.',
    });
  });
});
