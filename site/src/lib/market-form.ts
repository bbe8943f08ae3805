// The offer and want forms: a price as a person types it ("25.00") becomes minor units here, the hours
// a number, the skills a list, the remote box a boolean; the rest goes as typed to the same commands the
// API runs (createOfferCommand, createWantCommand), which validate everything. A price that cannot be
// read as Bound is sent as nothing, so the command names the other fields' problems too; the form's own
// sentence then stands beside the price.
import { boundFromText } from '#domain/ledger/amount.ts';
import type { Side } from '#domain/market/market-use-cases.ts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export interface ListingFormValues {
  title: string;
  description: string;
  kind: string;
  trade: string;
  skillIds: string[];
  place: string;
  remote: boolean;
  unit: string;
  price: string;
  quantity: string;
  hours: string;
  service: string;
  account: string;
  expiresOn: string;
}

export const emptyListingForm = (): ListingFormValues => ({
  title: '',
  description: '',
  kind: 'service',
  trade: '',
  skillIds: [],
  place: '',
  remote: false,
  unit: 'hour',
  price: '',
  quantity: '',
  hours: '',
  service: '',
  account: '',
  expiresOn: '',
});

/** A whole number as typed, or the text itself (so the command names it); nothing when left empty. */
const number = (value: string) => (value === '' ? undefined : /^\d+(\.\d+)?$/.test(value) ? Number(value) : value);

/** The typed values (to show again), the body for the command, and the form's own word on the price. */
export function readListingForm(form: FormData, side: Side) {
  const values: ListingFormValues = {
    title: String(form.get('title') ?? ''),
    description: String(form.get('description') ?? ''),
    kind: text(form, 'kind'),
    trade: text(form, 'trade'),
    skillIds: form.getAll('skillIds').map(String).filter(Boolean),
    place: text(form, 'place'),
    remote: form.get('remote') === 'yes',
    unit: text(form, 'unit'),
    price: text(form, 'price'),
    quantity: text(form, 'quantity'),
    hours: text(form, 'hours'),
    service: text(form, 'service'),
    account: text(form, 'account'),
    expiresOn: text(form, 'expiresOn'),
  };
  const price = values.price === '' ? undefined : boundFromText(values.price);
  const owner = side === 'offer' ? 'seller' : 'buyer';
  const body: Record<string, unknown> = {
    title: values.title,
    description: values.description,
    kind: values.kind,
    trade: values.trade,
    skillIds: values.skillIds,
    remote: values.remote,
    unit: values.unit,
    ...(values.place ? { place: values.place } : {}),
    ...(price && 'minor' in price ? { price: price.minor.toString() } : {}),
    ...(values.quantity ? { quantity: number(values.quantity) } : {}),
    ...(side === 'want' && values.hours ? { hours: number(values.hours) } : {}),
    ...(side === 'offer' && values.service ? { service: values.service } : {}),
    ...(values.account ? { [owner]: values.account } : {}),
    ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
  };
  return { values, body, priceProblem: price && 'problem' in price ? price.problem : undefined };
}
