// What a value report's changes mean for people: made (its deciders are asked), decided (confirmed or
// disputed), settled (each person paid hears their own amount). Pure, as events.ts, which dispatches here.
import type { PersonEvent, Subject } from './events.ts';
import { actor, type Image, required, str } from './images.ts';
import { told } from './notification-text.ts';

export function reportEvents(oldItem: Image | undefined, newItem: Image): PersonEvent[] {
  const innovationId = required(newItem, 'innovationId');
  const syndicateId = required(newItem, 'syndicateId');
  const reporter = required(newItem, 'reportedBy');
  const status = required(newItem, 'status');
  const was = str(oldItem, 'status');
  if (status === was) return [];
  const about = { innovation: innovationId };
  const record = `/innovations/${innovationId}/`;
  if (!oldItem && status === 'pending') {
    return [
      {
        kind: 'value-report-awaiting',
        to: [{ inventorsOf: { innovationId, syndicateId } }, { adminsOf: syndicateId }],
        except: [reporter],
        about,
        link: record,
        text: (name) => told('email.reportAwaiting', { name }),
      },
    ];
  }
  const events: PersonEvent[] = [];
  const paid = status === 'settled' ? amountsPaid(newItem) : undefined;
  // A confirmation that completes a report settles it in the same write: those it paid hear of the
  // settlement (with their amount), the reporter and any inventor it did not pay hear it was confirmed.
  if (was === 'pending' && (status === 'confirmed' || status === 'disputed' || paid)) {
    const confirmed = status !== 'disputed';
    events.push({
      kind: 'value-report-decided',
      to: [{ people: [reporter] }, { inventorsOf: { innovationId, syndicateId } }],
      except: [...actor(newItem, 'decidedBy'), ...(paid?.keys() ?? [])],
      about,
      link: record,
      text: (name) => told('email.reportDecided', { name, confirmed, paid: Boolean(paid) }),
    });
  }
  if (paid && paid.size > 0) events.push(settledEvent(paid, about));
  return events;
}

type Paid = Map<string, { received: bigint; kept: bigint }>;

/** What a settlement paid each person: as inventor (received) and as implementer (kept by the syndicate). */
function amountsPaid(report: Image): Paid {
  const settlement = report.settlement as Image | undefined;
  const amounts: Paid = new Map();
  for (const [personId, amount] of partsOf(settlement?.inventorParts))
    amounts.set(personId, { received: amount, kept: 0n });
  for (const [personId, amount] of partsOf(settlement?.implementerParts)) {
    amounts.set(personId, { received: amounts.get(personId)?.received ?? 0n, kept: amount });
  }
  return amounts;
}

function settledEvent(amounts: Paid, about: Subject): PersonEvent {
  return {
    kind: 'value-report-settled',
    to: [{ people: [...amounts.keys()] }],
    except: [],
    about,
    link: '/ledger/me/',
    text: (name, personId) => {
      const part = amounts.get(personId) ?? { received: 0n, kept: 0n };
      // Minor units, which each language formats in its own way; an amount of none is not said at all.
      const said = (minor: bigint) => (minor > 0n ? minor.toString() : '');
      return told('email.reportSettled', { name, received: said(part.received), kept: said(part.kept) });
    },
  };
}

/** Settlement parts as stored: amounts come back as numbers or bigints (innovation-items.ts). */
function partsOf(value: unknown): Array<[string, bigint]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((part: Image) => {
    const personId = str(part, 'personId');
    const amount = part.amount;
    const minor =
      typeof amount === 'bigint'
        ? amount
        : typeof amount === 'number' && Number.isInteger(amount)
          ? BigInt(amount)
          : typeof amount === 'string' && /^\d+$/.test(amount)
            ? BigInt(amount)
            : undefined;
    return personId && minor !== undefined ? [[personId, minor] as [string, bigint]] : [];
  });
}
