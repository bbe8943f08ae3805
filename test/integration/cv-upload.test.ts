// A CV on a profile: what an upload refuses (each a 4xx that says why, nothing stored), how a CV is
// served (only ever as a download), and who may read it (the person, and the admins of a syndicate
// they applied to with it attached).
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryFileStore } from '#adapters/files/memory-file-store.ts';
import { cvFileKey } from '#domain/files/file-store.ts';
import { maxCvBytes } from '#domain/people/cv.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { pdf, pdfOfSize, pdfWithCompressed } from '../support/pdf.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

const files = createMemoryFileStore();
let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let openingId = '';
const upload = (as: string, bytes: Buffer, extra: Record<string, unknown> = {}) =>
  call('PUT', '/api/me/cv', as, { pdf: bytes.toString('base64'), ...extra });

const expectStatus = async (response: Promise<ApiResponse>, status: number, what: string) => {
  const answer = await response;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
  return answer;
};

beforeAll(async () => {
  ({ call } = await apiOnFreshTable({ files }));
  for (const person of ['ada', 'bram', 'rival', 'other-admin', 'refused']) await call('GET', '/api/me', person);
  await expectStatus(call('POST', '/api/syndicates', 'bram', syndicateInput('bench-syn')), 201, 'found');
  await expectStatus(call('POST', '/api/syndicates', 'other-admin', syndicateInput('else-syn')), 201, 'found');
  openingId = body(
    await expectStatus(
      call('POST', '/api/syndicates/bench-syn/openings', 'bram', {
        title: 'Repair bench technician',
        description: 'Diagnose and repair small appliances at the shared bench, with work shared at a weekly meeting.',
        skills: [{ skill: 'repair-systematic-fault-finding', level: 'working' }],
        positions: 1,
        hoursPerWeek: 24,
        pay: [{ amount: 2200, currency: 'EUR', per: 'hour' }],
        place: 'Valencia, ES',
        remote: false,
        employmentType: 'CONTRACTOR',
        validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      }),
      201,
      'opening',
    ),
  ).id;
  await expectStatus(call('PUT', `/api/openings/${openingId}/status`, 'bram', { status: 'open' }), 200, 'publish');
}, 60_000);

describe('uploading a CV', () => {
  it('keeps a PDF under a key made from the person id and says what it kept', async () => {
    const response = await expectStatus(upload('ada', pdf()), 200, 'upload');
    expect(body(response)).toMatchObject({ personId: 'ada', size: pdf().length });
    expect(files.keys()).toContain(cvFileKey('ada'));
  });

  it.each([
    ['a file that is not a PDF', Buffer.from('GIF89a not a pdf'), 422, 'Only a PDF can be a CV'],
    ['a PDF carrying a script', pdf('5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj'), 422, 'a script'],
    ['a PDF hiding a launch action in a compressed stream', pdfWithCompressed('<< /S /Launch >>'), 422, 'launch'],
    ['a PDF one byte over the limit', pdfOfSize(maxCvBytes + 1), 413, 'at most 2 MB'],
  ])('refuses %s with %i, saying why, and stores nothing', async (_name, bytes, status, said) => {
    const response = await expectStatus(upload('refused', bytes), status, 'refusal');
    expect(JSON.stringify(body(response))).toContain(said);
    expect(files.keys()).not.toContain(cvFileKey('refused'));
    expect((await call('GET', '/api/me/cv', 'refused')).status).toBe(404);
  });

  it('refuses a body far over the limit before reading it, saying the limit', async () => {
    const response = await expectStatus(upload('refused', Buffer.alloc(3 * 1024 * 1024)), 413, 'too large');
    expect(body(response).detail).toContain('at most 2 MB');
  });

  it('takes no file name at all: a name such as ../../x is refused as a field the upload does not have', async () => {
    const response = await expectStatus(upload('refused', pdf(), { name: '../../x' }), 400, 'named');
    expect(JSON.stringify(body(response))).toContain('body.name');
    expect(files.keys().every((key) => /^cv\/[A-Za-z0-9_-]+\.pdf$/.test(key))).toBe(true);
  });

  it('refuses bytes that are not base64, naming the field', async () => {
    const response = await expectStatus(call('PUT', '/api/me/cv', 'refused', { pdf: '%PDF-1.7 <script>' }), 400, 'bad');
    expect(JSON.stringify(body(response))).toContain('body.pdf');
  });
});

describe('reading a CV', () => {
  it('serves it to its owner only as a PDF download the browser may not sniff', async () => {
    const response = await expectStatus(call('GET', '/api/me/cv', 'ada'), 200, 'download');
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="cv.pdf"',
      'x-content-type-options': 'nosniff',
    });
    expect(Buffer.from(String(response.body), 'base64').equals(pdf())).toBe(true);
  });

  it('refuses to attach a CV that is not there, saying what to do', async () => {
    const response = await expectStatus(
      call('PUT', `/api/openings/${openingId}/applications/me`, 'bram', { note: 'Me too', withCv: true }),
      422,
      'no CV',
    );
    expect(body(response).detail).toContain('upload one on your profile first');
  });

  it('lets the admins of the syndicate applied to read a CV attached to the application, and no one else', async () => {
    const cvPath = `/api/openings/${openingId}/applications/ada/cv`;
    expect((await call('GET', cvPath, 'bram')).status, 'before she applies').toBe(404);
    await expectStatus(
      call('PUT', `/api/openings/${openingId}/applications/me`, 'ada', { note: 'Hello', withCv: true }),
      200,
      'apply with CV',
    );
    await upload('rival', pdf());
    await expectStatus(
      call('PUT', `/api/openings/${openingId}/applications/me`, 'rival', { note: 'Hi' }),
      200,
      'apply without CV',
    );
    const admin = await expectStatus(call('GET', cvPath, 'bram'), 200, 'admin');
    expect(admin.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await call('GET', cvPath, 'ada')).status, 'the applicant herself').toBe(200);
    for (const outsider of ['rival', 'other-admin', 'refused']) {
      expect((await call('GET', cvPath, outsider)).status, outsider).toBe(404);
    }
    expect((await call('GET', cvPath, null)).status).toBe(401);
    expect((await call('GET', `/api/openings/${openingId}/applications/rival/cv`, 'bram')).status, 'not attached').toBe(
      404,
    );
  });

  it('removes a CV: nothing is offered or kept after', async () => {
    await expectStatus(call('DELETE', '/api/me/cv', 'rival'), 200, 'remove');
    expect((await call('GET', '/api/me/cv', 'rival')).status).toBe(404);
    expect(files.keys()).not.toContain(cvFileKey('rival'));
  });
});
