// What an order's changes mean for people: a new order tells the seller; each later step tells the side
// that did not take it (the buyer hears the seller accepted, delivered…; the seller hears the buyer
// disputed or confirmed). An account is a person, or a syndicate whose admins hear for it. Pure, as
// events.ts, which dispatches here; a status unchanged (a replayed or edited item) tells nobody.
import type { PersonEvent, Recipients } from './events.ts';
import { actor, type Image, required, str } from './images.ts';
import { told } from './notification-text.ts';

/** Who hears for an account: the person, or the syndicate's admins. */
function side(account: string): Recipients {
  return account.startsWith('syndicate:')
    ? { adminsOf: account.slice('syndicate:'.length) }
    : { people: [account.slice('person:'.length)] };
}

/** Who takes each step (the other side hears of it); each language words the step (`email.orderChanged`). */
const changed: Record<string, { by: 'buyer' | 'seller' }> = {
  accepted: { by: 'seller' },
  declined: { by: 'seller' },
  delivered: { by: 'seller' },
  refunded: { by: 'seller' },
  cancelled: { by: 'buyer' },
  disputed: { by: 'buyer' },
  confirmed: { by: 'buyer' },
};

export function orderEvents(oldItem: Image | undefined, newItem: Image): PersonEvent[] {
  const id = required(newItem, 'id');
  const buyer = required(newItem, 'buyer');
  const seller = required(newItem, 'seller');
  const status = required(newItem, 'status');
  const title = required(newItem, 'title');
  const link = `/me/orders/${id}/`;
  if (!oldItem) {
    if (status !== 'ordered') return [];
    return [
      {
        kind: 'order-received',
        to: [side(seller)],
        except: actor(newItem, 'orderedBy'),
        about: { named: title },
        link,
        text: (name) => told('email.orderReceived', { name }),
      },
    ];
  }
  const step = changed[status];
  if (!step || str(oldItem, 'status') === status) return [];
  // A confirmation by the window's passing was nobody's act: both sides hear of the payment.
  const lapsed = status === 'confirmed' && newItem.lapsed === true;
  const to = lapsed ? [side(buyer), side(seller)] : [side(step.by === 'seller' ? buyer : seller)];
  return [
    {
      kind: 'order-changed',
      to,
      except: lapsed ? [] : actor(newItem, 'decidedBy'),
      about: { named: title },
      link,
      text: (name) => told('email.orderChanged', { name, status }),
    },
  ];
}
