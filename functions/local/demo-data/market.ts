// Demo offers, wants and one open commons proposal, so the marketplace and the decisions page are not
// empty on a fresh start. Each is made through the use case a person's form runs, with its id fixed
// here (as an Idempotency-Key would fix it): a second start finds each one made and adds nothing.
import type { Services } from '#app/services.ts';
import { proposalInputSchema } from '#domain/decisions/proposal.ts';
import { propose } from '#domain/decisions/proposal-use-cases.ts';
import { createOffer, createWant } from '#domain/market/market-use-cases.ts';
import { offerInputSchema } from '#domain/market/offer.ts';
import { wantInputSchema } from '#domain/market/want.ts';

const offers = [
  {
    id: 'demo-offer-ada-bookkeeping',
    as: 'demo-ada',
    input: {
      title: 'Bookkeeping hours for small co-operatives',
      description:
        'Monthly books kept up to date: sales and purchases recorded, the bank reconciled, and a short note of anything that needs a decision.',
      kind: 'service',
      trade: 'bookkeeping',
      skillIds: ['bookkeeping-fundamentals', 'recording-sales-and-purchases', 'bank-reconciliation'],
      remote: true,
      unit: 'hour',
      price: 2000,
    },
  },
  {
    id: 'demo-offer-taller-repairs',
    as: 'demo-carmen',
    input: {
      title: 'Small appliance repairs at the Taller Común',
      description:
        'Kettles, toasters, fans and lamps: **fault found, repaired and safety-tested**, or your money’s worth of advice on what to replace.',
      kind: 'service',
      trade: 'repair',
      skillIds: ['small-appliance-repair', 'repair-systematic-fault-finding'],
      place: 'Valencia, ES',
      unit: 'job',
      price: 4500,
      seller: 'syndicate:taller-comun-valencia',
    },
  },
] as const;

const wants = [
  {
    id: 'demo-want-riverside-vat',
    as: 'demo-bram',
    input: {
      title: 'Quarterly VAT return for a builders’ co-op',
      description: 'Our receipts are in order; we need the return prepared and checked before it is filed.',
      kind: 'service',
      trade: 'bookkeeping',
      skillIds: ['vat-and-sales-tax-returns'],
      remote: true,
      unit: 'job',
      hours: 6,
      price: 12000,
      buyer: 'syndicate:riverside-builders',
    },
  },
  {
    id: 'demo-want-dev-laptop-hinge',
    as: 'demo-dev',
    input: {
      title: 'Laptop hinge repair',
      description: 'The left hinge of my laptop cracked; the screen still works. Parts can be ordered.',
      kind: 'service',
      trade: 'repair',
      skillIds: ['repair-disassembly-and-reassembly'],
      remote: false,
      place: 'Valencia, ES',
      unit: 'job',
      hours: 2,
    },
  },
] as const;

const proposal = {
  id: 'demo-proposal-repair-cafe',
  as: 'demo-eunji',
  input: {
    kind: 'sense-check',
    scope: 'commons',
    title: 'Shall the commons hold a monthly open repair café?',
    description:
      'A sense check before anyone books a room: one Saturday a month, members bring broken things and fix them together, with the Taller Común’s technicians on hand.',
  },
} as const;

/** Makes what is not made yet; answers how many offers, wants and proposals this call made. */
export async function seedMarket(services: Services): Promise<number> {
  const as = (personId: string) => ({ personId });
  const withId = (id: string): Services => ({ ...services, newId: () => id });
  let made = 0;
  for (const offer of offers) {
    const input = offerInputSchema().parse(offer.input);
    if ((await createOffer(withId(offer.id), as(offer.as), input)).created) made++;
  }
  for (const want of wants) {
    const input = wantInputSchema().parse(want.input);
    if ((await createWant(withId(want.id), as(want.as), input)).created) made++;
  }
  // Opening writes the proposal with its log entry: asked first, so a second start writes no second entry.
  if (!(await services.decisions.get(proposal.id))) {
    await propose(withId(proposal.id), as(proposal.as), proposalInputSchema().parse(proposal.input));
    made++;
  }
  return made;
}
