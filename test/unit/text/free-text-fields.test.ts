// Every string any route body takes, found by walking the route table's own zod schemas, either goes
// through the text normaliser or is constrained so tightly that invisible and unsafe text cannot pass
// (an id pattern, an enum, a date, a link). A new free-text field that bypasses the normaliser (a bare
// `z.string()`) fails here: only zero-width spaces, a direction override and a NUL are each sent in it.
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { apiRoutes } from '#http/api.ts';
import { opening as validOpening, syndicate as validSyndicate } from '../../support/write-world.ts';
import { draftInput, reportInput } from '../innovations/fixtures.ts';

type Path = Array<string | number>;

const syndicate = validSyndicate('river-fix');
const { id: _id, ...syndicateEdit } = syndicate;
// A rate card whose line prices a skill at a level, and unpleasant work.
const skillRateCard = [
  {
    service: 'Clearing flooded cellars',
    rate: { amount: 2000, currency: 'BOUND', per: 'hour' },
    skillId: 'repair-systematic-fault-finding',
    level: 'working',
    unpleasant: true,
  },
];
// The write world's opening, with a country, so the example reaches that string too.
const opening = { ...validOpening, applicantCountries: ['ES'] };
// A skill may be an ESCO skill's URI: invisible text slipped into one is refused like any id's.
const escoSkill = 'http://data.europa.eu/esco/skill/d809a1d2-b80e-43e4-8984-de7517fb68f1';
// An opening may name the ESCO occupation it is for (one the commons has a path to): an electrician.
const escoOpening = {
  ...opening,
  skills: [{ skill: escoSkill, level: 'working' }],
  occupation: 'http://data.europa.eu/esco/occupation/5dbb9cf0-b226-402c-a295-2f42ef05ff8b',
};

// A training place names the course it trains for and the member who mentors.
const trainingPlace = {
  ...opening,
  training: { courseId: 'plasterboard-hanging-and-jointing', mentorId: 'demo-lotte' },
};

/** Valid bodies for every route whose body holds a string; together they reach every string field. */
const examples: Record<string, unknown[]> = {
  'POST /api/syndicates': [syndicate, { ...syndicate, rateCard: skillRateCard }],
  'PUT /api/syndicates/{syndicateId}': [syndicateEdit, { ...syndicateEdit, rateCard: skillRateCard }],
  'POST /api/syndicates/{syndicateId}/openings': [opening, escoOpening, trainingPlace],
  'PUT /api/openings/{openingId}': [opening, escoOpening, trainingPlace],
  'PUT /api/openings/{openingId}/applications/me': [{ note: 'I can start on Monday.' }],
  'POST /api/innovations': [draftInput([{ personId: 'demo-ada' }])],
  'PUT /api/innovations/{innovationId}/draft': [draftInput([{ personId: 'demo-ada', basisPoints: 10_000 }])],
  'PUT /api/innovations/{innovationId}/adoptions/{syndicateId}': [
    { implementers: [{ personId: 'demo-ada' }], note: 'Used at both benches since March.' },
  ],
  'POST /api/innovations/{innovationId}/adoptions/{syndicateId}/reports': [reportInput('125000')],
  'PUT /api/innovations/{innovationId}/reports/{reportId}/decision': [
    { decision: 'dispute', reason: 'The period overlaps the one reported in March.' },
  ],
  'POST /api/me/enrollments': [{ courseId: 'double-entry-bookkeeping-basics' }],
  'PUT /api/syndicates/{id}/credit-limit': [{ credit: '100000', reason: 'Agreed at the members’ meeting.' }],
  'PUT /api/people/{id}/credit-limit': [{ credit: '0', reason: 'Taken back by the members’ vote.' }],
  'PUT /api/innovations/{innovationId}/draft/consent': [{ decision: 'accept' }],
  'POST /api/me/enrollments/{courseId}/quiz-attempts': [
    { drawId: 'abc123', answers: [{ question: '0123456789ab', option: 0 }] },
  ],
  'POST /api/credentials/verify': [{ credential: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln', recipientEmail: 'femi@example.org' }],
  'PATCH /api/me': [
    {
      version: 3,
      name: 'Ada Okafor',
      place: 'Leeds',
      bio: 'Solar installer.\nTrained at the **Leeds** co-op.',
      availability: { status: 'available-from', from: '2027-01-04' },
      links: { portfolio: 'https://ada.example/work', code: 'https://git.example/ada', other: 'https://ada.example' },
      declaredSkills: [
        { skill: 'solar-site-survey', level: 'working', link: 'https://ada.example/pv', note: 'Twelve roofs.' },
        { skill: escoSkill, level: 'foundation' },
      ],
    },
  ],
  'PUT /api/me/skills/{skillId}': [{ level: 'working', link: 'https://ada.example/pv', note: 'Twelve roofs.' }],
  'PUT /api/federation/blocks/{host}': [{ reason: 'Sends spam to our syndicates.' }],
  'POST /api/federation/follows': [{ actor: 'acct:riverside-builders@guildhall.example' }],
  'POST /api/skills/suggest-from-text': [
    { description: 'Hang plasterboard on stud walls.', skills: ['plasterboard-hanging', escoSkill] },
  ],
  'POST /api/me/saved-searches': [
    {
      name: 'Heat pumps in Leeds',
      query: {
        q: 'heat pump',
        place: 'Leeds',
        skill: 'pv-system-sizing',
        payUnit: 'GBP',
        kind: 'training',
        course: 'plasterboard-hanging-and-jointing',
      },
      alert: 'daily',
    },
  ],
  'PUT /api/me/saved-searches/{savedSearchId}': [{ name: 'Heat pumps anywhere' }],
  'PUT /api/me/goal': [{ trade: 'renewable-energy', skills: ['pv-system-sizing'], path: 'electrician' }],
  'PUT /api/openings/{openingId}/applicants/{personId}/stage': [
    { stage: 'declined', message: 'Thank you for applying.', reason: 'another-applicant', note: 'We chose a roofer.' },
  ],
  'PUT /api/openings/{openingId}/applications/me/offer': [{ answer: 'decline', message: 'I took another job.' }],
  'POST /api/openings/{openingId}/applications/{personId}/messages': [{ body: 'Can you come on **Tuesday**?' }],
  'POST /api/openings/{openingId}/applicants/{personId}/notes': [{ body: 'Strong on stud walls.' }],
  'PUT /api/me/cv': [{ pdf: 'JVBERi0xLjQKJcfsj6IK' }],
  'PUT /api/me/enrollments/{courseId}/practical/{taskId}/evidence': [
    { description: 'Boarded one face of the practice wall to my layout.', links: ['https://example.org/video'] },
  ],
  'POST /api/me/enrollments/{courseId}/practical/{taskId}/images': [{ image: '/9j/2gAIAQEAAD8AAf/Z' }],
  'POST /api/me/enrollments/{courseId}/practical/assessment-request': [{ syndicateId: 'riverside-builders' }],
  'POST /api/practical-work/{personId}/{courseId}/tasks/{taskId}/reviews': [
    { outcome: 'signed-off', comment: 'Watched it done by video, and it was right.' },
  ],
  'POST /api/payments': [
    { from: 'syndicate:taller-comun-valencia', to: 'person:demo-ada', amount: 1250, memo: 'Kettle repair' },
  ],
  'POST /api/payment-requests': [
    { payer: 'person:demo-ada', payee: 'syndicate:taller-comun-valencia', amount: 1250, memo: 'Kettle repair' },
  ],
  'POST /api/offers': [
    {
      title: 'Kettle repair at the bench',
      description: 'Descaling, new elements and **thermostats**.',
      kind: 'service',
      trade: 'repair',
      skillIds: ['repair-systematic-fault-finding'],
      place: 'Valencia, ES',
      unit: 'job',
      service: 'Kettle repair',
      seller: 'syndicate:taller-comun-valencia',
      quantity: 3,
      expiresOn: '2099-01-01',
    },
  ],
  'POST /api/wants': [
    {
      title: 'Someone to keep our books',
      description: 'A small food co-op needs its books kept.',
      kind: 'service',
      trade: 'bookkeeping',
      skillIds: ['bookkeeping-fundamentals'],
      place: 'Valencia, ES',
      unit: 'job',
      price: 5000,
      hours: 12,
      buyer: 'person:demo-ada',
      expiresOn: '2099-01-01',
    },
  ],
  'POST /api/work-logs': [
    {
      syndicateId: 'taller-comun-valencia',
      for: { kind: 'position', openingId: 'bench-technician' },
      date: '2026-11-02',
      hours: '2.5',
      skillId: 'repair-systematic-fault-finding',
      level: 'working',
      note: 'Found the fault in the dryer’s thermostat.',
    },
    {
      syndicateId: 'taller-comun-valencia',
      for: { kind: 'position', openingId: 'bench-technician' },
      date: '2026-11-02',
      hours: 1,
      service: 'Sweeping up',
      note: 'Swept the workshop.',
    },
  ],
  'PUT /api/work-logs/{workLogId}/decision': [{ decision: 'reject', reason: 'That was the planning meeting.' }],
  'POST /api/proposals': [
    { kind: 'sense-check', scope: 'commons', title: 'Open the hall on Sundays?', description: 'From **May**.' },
    {
      kind: 'rate-card',
      scope: 'syndicate:taller-comun-valencia',
      title: 'Kettle repair rate',
      change: {
        rateCard: [
          {
            service: 'Kettle repair',
            rate: { amount: 1200, currency: 'BOUND', per: 'job' },
            skillId: 'repair-systematic-fault-finding',
            level: 'working',
          },
        ],
      },
    },
    {
      kind: 'credit-limit',
      scope: 'commons',
      title: 'Credit for Ada',
      change: { account: 'person:demo-ada', credit: '1000' },
    },
    {
      kind: 'membership',
      scope: 'syndicate:taller-comun-valencia',
      title: 'Welcome Ada',
      change: { action: 'admit', personId: 'demo-ada' },
    },
    {
      kind: 'credit-policy',
      scope: 'commons',
      title: 'Credit for every member',
      change: { defaultCredit: '5000', tiers: [{ months: 6, credit: '10000' }] },
    },
    {
      kind: 'adopt-innovation',
      scope: 'syndicate:taller-comun-valencia',
      title: 'Adopt the triage card',
      change: { innovationId: 'triage-card', implementers: [{ personId: 'demo-ada' }], note: 'From **May**.' },
    },
    {
      kind: 'remove-steward',
      scope: 'commons',
      title: 'Credit by our votes only',
      change: { personId: 'demo-grace' },
    },
    {
      kind: 'resolve-disputed-report',
      scope: 'syndicate:taller-comun-valencia',
      title: 'Settle the triage card’s spring report',
      description: 'The circle met on **Tuesday**.',
      change: { innovationId: 'triage-card', reportId: 'spring-report', amount: '40000' },
    },
  ],
  'PUT /api/proposals/{proposalId}/votes/me': [{ choice: 'no', reason: 'Too soon.' }],
  'POST /api/orders': [{ offerId: 'kettle-repair', quantity: 1, buyer: 'syndicate:taller-comun-valencia' }],
  'PUT /api/orders/{orderId}/step': [{ action: 'dispute', reason: 'Only one of the two kettles was repaired.' }],
};

// A witness's reports about this registry log (issue 20): hosts and base64 only, each refused if bent.
const witnessedHead = { treeSize: 3, rootHash: `${'A'.repeat(43)}=`, timestamp: 1, signature: `${'A'.repeat(86)}==` };
examples['POST /api/registry-log/cosignatures'] = [
  {
    kind: 'cosignature',
    witness: 'witness.example',
    treeSize: 3,
    rootHash: witnessedHead.rootHash,
    time: 1,
    signature: witnessedHead.signature,
  },
  {
    kind: 'fork',
    witness: 'witness.example',
    seen: witnessedHead,
    served: witnessedHead,
    time: 1,
    signature: witnessedHead.signature,
  },
];

// A draft's edit takes each kind's body as a new proposal does, with the version it was made from.
examples['PUT /api/proposals/{proposalId}'] = (examples['POST /api/proposals'] ?? []).map((input) => ({
  ...(input as object),
  version: 0,
}));

/** Strings a route takes that are never stored, each with the reason it may stay a plain string. */
const notStored: Record<string, string> = {
  // Checked as a signed credential and answered valid or not; nothing of it is kept.
  'POST /api/credentials/verify body.credential': 'verified, never stored',
  // An address an employer checks against the credential's salted hash; compared, never kept.
  'POST /api/credentials/verify body.recipientEmail': 'an email address compared with a hash, never stored',
  // A PDF's bytes in base64: checked as a PDF (domain/people/cv.ts) and kept as a file, never as text.
  'PUT /api/me/cv body.pdf': 'a file in base64, checked as a PDF and stored as bytes',
};

/** Every string schema inside a schema, with where it sits (array elements as index 0). */
function stringFields(schema: z.core.$ZodType, path: Path = []): Path[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string) => stringFields(def[key] as z.core.$ZodType, path);
  switch (def.type) {
    case 'string':
      return [path];
    case 'object':
      return Object.entries(def.shape as Record<string, z.core.$ZodType>).flatMap(([key, child]) =>
        stringFields(child, [...path, key]),
      );
    case 'array':
      return stringFields(def.element as z.core.$ZodType, [...path, 0]);
    case 'union':
      return (def.options as z.core.$ZodType[]).flatMap((option) => stringFields(option, path));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'transform':
    // A value its use case parses itself (a payment's amount: a number or a string of digits, not text).
    case 'unknown':
      return [];
    default:
      throw new Error(`${path.join('.')}: teach this test the zod type "${def.type}"`);
  }
}

const key = (path: Path) => ['body', ...path].join('.');
const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, step) => (node as Record<string | number, unknown> | undefined)?.[step], value);
function replaced(value: unknown, path: Path, next: (old: string) => string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  parent[last] = next(String(parent[last]));
  return copy;
}

/** Where each issue is, looking inside a union's options (the router names the closest one's fields). */
function issuePaths(issues: readonly z.core.$ZodIssue[], prefix: Path = []): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as Path)];
    return issue.code === 'invalid_union' ? issue.errors.flatMap((option) => issuePaths(option, path)) : [key(path)];
  });
}

const withBody = apiRoutes.flatMap((route) => {
  const body = route.input?.().body;
  return body ? [{ route, body }] : [];
});
const cases = withBody.flatMap(({ route, body }) => {
  const name = `${route.method} ${route.path}`;
  const fields = [...new Map(stringFields(body as z.core.$ZodType).map((path) => [key(path), path])).values()];
  return fields.map((path) => ({ body, name, path, field: key(path) }));
});

describe('free-text fields in every route body', () => {
  it('finds the string fields by walking the route table (so the checks below cannot pass by finding none)', () => {
    const found = cases.map((c) => `${c.name} ${c.field}`);
    expect(found).toContain('POST /api/syndicates body.name');
    expect(found).toContain('PUT /api/innovations/{innovationId}/reports/{reportId}/decision body.reason');
    expect(found).toContain('PUT /api/innovations/{innovationId}/adoptions/{syndicateId} body.note');
    expect(found.length).toBeGreaterThan(30);
  });

  it('has a valid example body for every route with a string field, reaching every string field', () => {
    const missing: string[] = [];
    for (const { body, name, path, field } of cases) {
      const bodies = examples[name] ?? [];
      for (const example of bodies) {
        const parsed = body.safeParse(example);
        expect(parsed.success, `${name}: the example is invalid: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
      if (!bodies.some((example) => typeof at(example, path) === 'string')) missing.push(`${name} ${field}`);
    }
    expect(missing, 'add these fields to the examples in this test').toEqual([]);
    expect(Object.keys(notStored).filter((field) => !cases.some((c) => `${c.name} ${c.field}` === field))).toEqual([]);
  });

  const attempts = [
    {
      what: 'only zero-width spaces',
      send: () => '\u200B\u200B\u200B\u200B\u200B',
      clean: (kept: unknown) => typeof kept === 'string' && !/[\u200B]/u.test(kept),
    },
    {
      what: 'a right-to-left override',
      send: (old: string) => `${old.slice(0, 2)}\u202E${old.slice(2)}`,
      clean: (kept: unknown) => typeof kept === 'string' && !/[\u202A-\u202E\u2066-\u2069]/u.test(kept),
    },
    {
      what: 'a NUL',
      send: (old: string) => `${old.slice(0, 2)}\u0000${old.slice(2)}`,
      clean: (kept: unknown) => typeof kept === 'string' && !/\p{Cc}/u.test(kept.replaceAll('\n', '')),
    },
  ];

  it.each(attempts)('refuses $what in each string field, naming the field, or stores it cleaned', (attempt) => {
    const bypassing: string[] = [];
    for (const { body, name, path, field } of cases) {
      if (notStored[`${name} ${field}`]) continue;
      for (const example of (examples[name] ?? []).filter((sent) => typeof at(sent, path) === 'string')) {
        const result = body.safeParse(replaced(example, path, attempt.send));
        const refusedHere = !result.success && issuePaths(result.error.issues).includes(field);
        if (!refusedHere && !(result.success && attempt.clean(at(result.data, path))))
          bypassing.push(`${name} ${field}`);
      }
    }
    expect(bypassing).toEqual([]);
  });
});
