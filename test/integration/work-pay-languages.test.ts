// Logged hours' refusals in the reader's language over the API against DynamoDB Local (issue 19): a line
// the rate card lacks, a day in the future, a full day, someone who is no member, a member who is no
// admin approving hours, each in Spanish or Dutch by Accept-Language, with Content-Language; the fields and
// rules unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import { body } from '../support/api-client.ts';
import { workWorld } from '../support/work-world.ts';

let call: Awaited<ReturnType<typeof workWorld>>['call'];
let openingId: string;

const log = (extra: Record<string, unknown>, language: string, as = 'worker') =>
  call(
    'POST',
    '/api/work-logs',
    as,
    {
      syndicateId: 'riverside',
      for: { kind: 'position', openingId },
      date: '2026-08-03',
      hours: 3,
      skillId: 'repair-systematic-fault-finding',
      level: 'working',
      note: 'Encontré la avería del termostato.',
      ...extra,
    },
    { 'accept-language': language },
  );

beforeAll(async () => {
  ({ call, openingId } = await workWorld());
});

describe('logged hours’ refusals in Spanish and Dutch', () => {
  it('names the line the rate card lacks and the future date in the reader’s words, beside the same field', async () => {
    const noLine = await log({ skillId: 'plastering' }, 'es');
    expect(noLine.status).toBe(422);
    expect(noLine.headers['content-language']).toBe('es');
    expect(body(noLine).errors).toEqual([
      {
        field: 'body.skillId',
        message:
          'Las tarifas del colectivo no tienen ninguna línea para plastering de nivel intermedio: elige una de sus líneas.',
      },
    ]);
    const future = await log({ date: '2999-01-01' }, 'nl');
    expect(body(future).errors).toEqual([
      {
        field: 'body.date',
        message: 'Registreer uren voor een dag die je gewerkt hebt: deze datum ligt in de toekomst.',
      },
    ]);
    expect(body(future).detail).toBe(body(future).errors[0].message);
    const outsider = await log({}, 'es', 'outsider');
    expect(outsider.status).toBe(403);
    expect(body(outsider).detail).toBe('Solo puedes registrar horas en un colectivo del que eres miembro.');
  });

  it('says how many hours the day holds already, the number written as the reader writes it', async () => {
    expect((await log({ date: '2026-08-04', hours: 20.5 }, 'es')).status).toBe(201);
    const over = await log({ date: '2026-08-04', hours: 4 }, 'es');
    expect(over.status).toBe(422);
    expect(body(over)).toMatchObject({
      rule: 'hours-per-day',
      detail: 'Ya tienes 20,5 horas registradas el 2026-08-04; un día admite como máximo 24.',
    });
  });

  it('refuses a member who is no admin approving hours, in Dutch, and in English without Accept-Language', async () => {
    const logged = await log({ date: '2026-08-06' }, 'nl');
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const worker = await call(
      'PUT',
      `/api/work-logs/${body(logged).id}/decision`,
      'worker',
      { decision: 'approve' },
      {
        'accept-language': 'nl',
      },
    );
    expect(worker.status).toBe(403);
    expect(body(worker).detail).toBe('Alleen een beheerder van het collectief keurt geregistreerde uren goed of af.');
    const english = await call('PUT', `/api/work-logs/${body(logged).id}/decision`, 'worker', { decision: 'approve' });
    expect(body(english).detail).toBe('Only an admin of the syndicate approves or rejects logged hours.');
  });
});
