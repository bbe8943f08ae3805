// The refusals every API function gives, in the reader's language over the API against DynamoDB Local
// (issue 19): a thing not found, a reserved syndicate address, a cursor this list did not give out and
// a malformed Idempotency-Key, each problem's detail and field message in Spanish or Dutch by
// Accept-Language, with Content-Language, the field paths unchanged; English still as it was.
import { describe, expect, it } from 'vitest';
import { newPerson } from '#domain/people/person.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

describe('the API’s own refusals in Spanish and Dutch', () => {
  it('words them by Accept-Language, keeping the fields, and keeps the English as it was', async () => {
    const { services, call } = await apiOnFreshTable();
    await services.people.createIfAbsent(
      newPerson({ id: 'lotte', name: 'Lotte', email: 'lotte@example.org', createdAt: new Date().toISOString() }),
    );

    const missing = await call('GET', '/api/openings/no-such-opening', null, undefined, { 'accept-language': 'es' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-language']).toBe('es');
    expect(body(missing).detail).toBe('No hay ninguna vacante con el id «no-such-opening».');
    const english = await call('GET', '/api/syndicates/no-such-syndicate', null);
    expect(body(english).detail).toBe('No syndicate with id "no-such-syndicate".');

    const reserved = await call('POST', '/api/syndicates', 'lotte', syndicateInput('applicants'), {
      'accept-language': 'nl-NL,nl;q=0.9',
    });
    expect(reserved.status).toBe(422);
    expect(reserved.headers['content-language']).toBe('nl');
    expect(body(reserved).errors).toEqual([
      {
        field: 'body.id',
        message: '“applicants” is een naam die de site voor haar eigen pagina’s houdt; kies een ander adres.',
      },
    ]);

    const cursor = await call('GET', '/api/openings?cursor=not-a-cursor', null, undefined, { 'accept-language': 'es' });
    expect(cursor.status).toBe(400);
    expect(cursor.headers['content-language']).toBe('es');
    expect(body(cursor).errors).toEqual([
      {
        field: 'query.cursor',
        message: 'Este cursor no pertenece a esta lista (no es un cursor): vuelve a empezar desde la primera página.',
      },
    ]);

    const key = await call('POST', '/api/syndicates', 'lotte', syndicateInput('lotte-crew'), {
      'accept-language': 'es',
      'idempotency-key': 'not a key',
    });
    expect(key.status).toBe(400);
    expect(body(key).errors).toEqual([
      {
        field: 'header.Idempotency-Key',
        message: 'Una clave de idempotencia tiene de 1 a 128 caracteres ASCII visibles, como un UUID.',
      },
    ]);
  });
});
