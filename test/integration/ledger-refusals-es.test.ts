// The ledger's refusals in the reader's language over the API against DynamoDB Local (issue 19): a
// payment to the paying account itself, to an account nobody holds, past the payer's credit limit, and
// a grant past the most one grant gives, each in Spanish or Dutch by Accept-Language, with
// Content-Language; the fields and rules as in English, amounts of Bound as the reader writes them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;

const pay = (to: string, language: string) =>
  call('POST', '/api/payments', 'ada', { to, amount: 100, memo: 'Semillas' }, { 'accept-language': language });

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable());
  await createPeople(services, ['ada', 'carla']);
});

describe('the ledger’s refusals in Spanish and Dutch', () => {
  it('refuses an account paying itself in Spanish, the summary and the field each in the reader’s words', async () => {
    const self = await pay('person:ada', 'es');
    expect(self.status).toBe(422);
    expect(self.headers['content-language']).toBe('es');
    expect(body(self).detail).toBe('Una cuenta no puede pagarse a sí misma.');
    expect(body(self).errors).toEqual([
      { field: 'body.to', message: 'Una cuenta no puede pagarse a sí misma: indica otra persona u otro colectivo.' },
    ]);
    expect(body(await pay('person:ada', 'en')).detail).toBe('An account cannot pay itself.');
  });

  it('names in Dutch the account nobody holds', async () => {
    const nobody = await pay('person:nobody', 'nl');
    expect(nobody.status).toBe(422);
    expect(nobody.headers['content-language']).toBe('nl');
    expect(body(nobody).detail).toBe('De genoemde rekening bestaat niet.');
    expect(body(nobody).errors).toEqual([
      {
        field: 'body.to',
        message: 'Geen persoon ‘nobody’ heeft hier een rekening: controleer de naam van de rekening.',
      },
    ]);
  });

  it('says in Spanish where a payment past the credit limit would leave the payer, in Bound', async () => {
    const broke = await call(
      'POST',
      '/api/payments',
      'carla',
      { to: 'person:ada', amount: 1, memo: 'Semillas' },
      { 'accept-language': 'es' },
    );
    expect(broke.status).toBe(422);
    expect(body(broke)).toMatchObject({
      rule: 'credit-limit',
      detail: 'La cuenta «person:carla» quedaría en −0,01 Bound, por debajo de su límite de crédito de 0,00 Bound.',
    });
  });

  it('writes the most one grant gives as Bound with Spanish separators, under the same rule', async () => {
    const tooMuch = await call(
      'PUT',
      '/api/people/carla/credit-limit',
      'steward',
      { credit: 1_000_000_000_001, reason: 'Acordado en la asamblea.' },
      { 'accept-language': 'es' },
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.headers['content-language']).toBe('es');
    expect(body(tooMuch)).toMatchObject({
      rule: 'credit-too-large',
      detail: 'Una concesión da como máximo 10.000.000.000,00 Bound de crédito.',
    });
  });
});
