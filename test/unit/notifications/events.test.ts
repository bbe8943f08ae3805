// Which table changes mean a notification, to whom, and with what text: table-driven over plain images,
// as a stream record carries them. Everything else (edits, private notes, the notifications themselves)
// means nothing to anyone.
import { describe, expect, it } from 'vitest';
import { eventsOf, type Image, type ItemChange } from '#domain/notifications/events.ts';
import { englishWords } from '#domain/notifications/notification-text.ts';

const application = (fields: Image = {}): Image => ({
  type: 'application',
  openingId: 'carpenter-1',
  syndicateId: 'riverside',
  personId: 'ada',
  status: 'submitted',
  ...fields,
});
const change = (oldItem: Image | undefined, newItem: Image | undefined): ItemChange => ({
  eventId: 'e1',
  at: '2026-12-06T10:00:00.000Z',
  oldItem,
  newItem,
});
const report = (fields: Image = {}): Image => ({
  type: 'value-report',
  id: 'r1',
  innovationId: 'sawdust-bricks',
  syndicateId: 'riverside',
  reportedBy: 'bram',
  status: 'pending',
  ...fields,
});
const version = (fields: Image = {}): Image => ({
  type: 'innovation-version',
  innovationId: 'sawdust-bricks',
  title: 'Sawdust bricks',
  status: 'draft',
  createdBy: 'ada',
  invited: [],
  ...fields,
});
const membership = (status: string) => ({ type: 'membership', syndicateId: 'riverside', personId: 'cleo', status });
const message = (authorId: string) => ({
  type: 'application-message',
  openingId: 'carpenter-1',
  syndicateId: 'riverside',
  applicantId: 'ada',
  authorId,
  messageId: 'm1',
  at: '2026-12-06T10:00:00.000Z',
  body: 'Can you start on Monday? The site is in a private garden at Keizersgracht 12.',
});

describe('which changes tell whom', () => {
  const rows: Array<[string, ItemChange, Array<{ kind: string; to: unknown; except?: string[] }>]> = [
    [
      'a new application tells the admins of the opening’s syndicate, never the applicant',
      change(undefined, application()),
      [{ kind: 'application-received', to: [{ adminsOf: 'riverside' }], except: ['ada'] }],
    ],
    [
      'a shortlisting tells the applicant',
      change(application(), application({ status: 'shortlisted', decidedBy: 'bram' })),
      [{ kind: 'application-stage-changed', to: [{ people: ['ada'] }] }],
    ],
    [
      'an offer tells the applicant',
      change(application({ status: 'interview' }), application({ status: 'offered' })),
      [{ kind: 'application-stage-changed', to: [{ people: ['ada'] }] }],
    ],
    [
      'a withdrawal tells the admins, not the applicant who withdrew',
      change(application(), application({ status: 'withdrawn' })),
      [{ kind: 'application-stage-changed', to: [{ adminsOf: 'riverside' }], except: ['ada'] }],
    ],
    [
      'an applicant accepting an offer tells the admins',
      change(application({ status: 'offered' }), application({ status: 'accepted', decidedBy: 'ada' })),
      [{ kind: 'application-stage-changed', to: [{ adminsOf: 'riverside' }], except: ['ada'] }],
    ],
    [
      'an application made again after a withdrawal tells the admins again',
      change(application({ status: 'withdrawn' }), application({ note: 'Back again' })),
      [{ kind: 'application-received', to: [{ adminsOf: 'riverside' }], except: ['ada'] }],
    ],
    ['an application edited at the same stage tells no one', change(application(), application({ note: 'x' })), []],
    [
      'a message from the applicant tells the syndicate’s admins',
      change(undefined, message('ada')),
      [{ kind: 'application-message', to: [{ adminsOf: 'riverside' }], except: ['ada'] }],
    ],
    [
      'a message from an admin tells the applicant',
      change(undefined, message('bram')),
      [{ kind: 'application-message', to: [{ people: ['ada'] }], except: ['bram'] }],
    ],
    ['a message edited later tells no one again', change(message('bram'), message('bram')), []],
    [
      'a message sent with a stage change is told by the stage change alone',
      change(undefined, { ...message('bram'), stage: 'shortlisted' }),
      [],
    ],
    [
      'an offer answered by the applicant (stagedBy) tells the admins, even when an admin decided before',
      change(
        application({ status: 'offered', stagedBy: 'bram', decidedBy: 'bram' }),
        application({ status: 'declined', stagedBy: 'ada', decidedBy: 'bram' }),
      ),
      [{ kind: 'application-stage-changed', to: [{ adminsOf: 'riverside' }], except: ['ada'] }],
    ],
    [
      'a stage an admin set (stagedBy) tells the applicant, whoever decided before',
      change(
        application({ status: 'submitted', decidedBy: 'ada' }),
        application({ status: 'shortlisted', stagedBy: 'bram', decidedBy: 'ada' }),
      ),
      [{ kind: 'application-stage-changed', to: [{ people: ['ada'] }] }],
    ],
    [
      'a private note tells no one',
      change(undefined, { type: 'application-note', openingId: 'carpenter-1', authorId: 'bram', body: 'Strong' }),
      [],
    ],
    [
      'an accepted join request tells the person who asked',
      change(membership('requested'), membership('active')),
      [{ kind: 'join-request-decided', to: [{ people: ['cleo'] }] }],
    ],
    [
      'a declined join request tells the person who asked',
      change(membership('requested'), membership('declined')),
      [{ kind: 'join-request-decided', to: [{ people: ['cleo'] }] }],
    ],
    ['a request to join tells no one yet', change(undefined, membership('requested')), []],
    [
      'a member made admin is no join decision',
      change(membership('active'), { ...membership('active'), role: 'admin' }),
      [],
    ],
    [
      'a draft that names a co-inventor asks them, not its writer',
      change(undefined, version({ invited: ['bram', 'ada'] })),
      [{ kind: 'co-inventor-invited', to: [{ people: ['bram', 'ada'] }], except: ['ada'] }],
    ],
    [
      'a draft edited after naming someone asks only the newly named',
      change(version({ invited: ['bram'] }), version({ invited: ['bram', 'cleo'] })),
      [{ kind: 'co-inventor-invited', to: [{ people: ['cleo'] }], except: ['ada'] }],
    ],
    ['an invitee accepting (leaving `invited`) asks no one', change(version({ invited: ['bram'] }), version()), []],
    ['a published version asks no one', change(undefined, version({ status: 'published', invited: ['bram'] })), []],
    [
      'a new value report asks the adoption’s inventors and the syndicate’s admins, not its reporter',
      change(undefined, report()),
      [
        {
          kind: 'value-report-awaiting',
          to: [
            { inventorsOf: { innovationId: 'sawdust-bricks', syndicateId: 'riverside' } },
            { adminsOf: 'riverside' },
          ],
          except: ['bram'],
        },
      ],
    ],
    [
      'one confirmation that does not decide the report tells no one',
      change(report(), report({ confirmations: [{ personId: 'ada' }] })),
      [],
    ],
    [
      'a confirmed report tells its reporter and inventors, not the one who decided',
      change(report(), report({ status: 'confirmed', decidedBy: 'ada' })),
      [
        {
          kind: 'value-report-decided',
          to: [{ people: ['bram'] }, { inventorsOf: { innovationId: 'sawdust-bricks', syndicateId: 'riverside' } }],
          except: ['ada'],
        },
      ],
    ],
    [
      'a disputed report tells its reporter and inventors',
      change(report(), report({ status: 'disputed', decidedBy: 'cleo' })),
      [
        {
          kind: 'value-report-decided',
          to: [{ people: ['bram'] }, { inventorsOf: expect.anything() }],
          except: ['cleo'],
        },
      ],
    ],
    [
      'a settled report tells everyone it paid',
      change(
        report({ status: 'confirmed' }),
        report({
          status: 'settled',
          settlement: {
            inventorParts: [
              { personId: 'ada', amount: 2500 },
              { personId: 'cleo', amount: 2500 },
            ],
            implementerParts: [{ personId: 'bram', amount: 5000 }],
          },
        }),
      ),
      [{ kind: 'value-report-settled', to: [{ people: ['ada', 'cleo', 'bram'] }] }],
    ],
    [
      'a confirmation that settles the report tells the reporter it was confirmed and those paid what they got',
      change(
        report(),
        report({
          status: 'settled',
          decidedBy: 'ana',
          settlement: {
            inventorParts: [
              { personId: 'ana', amount: 350 },
              { personId: 'ben', amount: 150 },
            ],
            implementerParts: [],
          },
        }),
      ),
      [
        {
          kind: 'value-report-decided',
          to: [{ people: ['bram'] }, { inventorsOf: { innovationId: 'sawdust-bricks', syndicateId: 'riverside' } }],
          except: ['ana', 'ana', 'ben'],
        },
        { kind: 'value-report-settled', to: [{ people: ['ana', 'ben'] }] },
      ],
    ],
    ['a removed item tells no one', change(application(), undefined), []],
    ['a notification stored tells no one (no loop)', change(undefined, { type: 'notification', personId: 'ada' }), []],
    ['an opening edited tells no one', change({ type: 'opening', id: 'x' }, { type: 'opening', id: 'x' }), []],
  ];
  it.each(rows)('%s', (_title, input, expected) => {
    const events = eventsOf(input);
    expect(events.map((e) => ({ kind: e.kind, to: e.to, except: e.except }))).toEqual(
      expected.map((e) => ({ except: [], ...e })),
    );
  });
});

describe('what the text says', () => {
  const textOf = (input: ItemChange, personId = 'ada', name = 'Carpenter') => {
    const [event] = eventsOf(input);
    if (!event) throw new Error('no event');
    return { ...englishWords(event.text(name, personId)), link: event.link };
  };

  it('names the opening and the stage, and links to where the applicant acts', () => {
    expect(textOf(change(application(), application({ status: 'offered' })))).toEqual({
      title: 'You have an offer for Carpenter',
      summary: 'You have an offer for Carpenter. Read it on your application’s page.',
      link: '/jobs/carpenter-1/applications/ada/',
    });
  });

  it('mentions a message sent with a stage change, and not one kept from an earlier stage', () => {
    const shortlisted = application({ status: 'shortlisted', stageMessage: 'Can you come on Tuesday?' });
    expect(textOf(change(application(), shortlisted)).summary).toBe(
      'You are shortlisted for Carpenter. The syndicate wrote a message with it. Read it on your application’s page.',
    );
    expect(textOf(change(shortlisted, { ...shortlisted, status: 'interview' })).summary).toBe(
      'You are invited to an interview for Carpenter. Read it on your application’s page.',
    );
  });

  it('says a decline came with a reason without repeating it', () => {
    const text = textOf(
      change(application(), application({ status: 'declined', declineReason: 'We need someone with a van.' })),
    );
    expect(text.title).toBe('Your application to Carpenter was declined');
    expect(text.summary).toContain('The syndicate gave a reason.');
    expect(text.summary).not.toContain('van');
  });

  it('never carries a message’s body', () => {
    const text = textOf(change(undefined, message('bram')));
    expect(JSON.stringify(text)).not.toMatch(/Monday|Keizersgracht/);
    expect(text.title).toBe('New message about Carpenter');
  });

  it('tells each person paid by a settlement their own amount, exactly', () => {
    const settled = change(
      report({ status: 'confirmed' }),
      report({
        status: 'settled',
        settlement: {
          inventorParts: [{ personId: 'ada', amount: 123456789012345678901n }],
          implementerParts: [{ personId: 'bram', amount: 5001 }],
        },
      }),
    );
    expect(textOf(settled, 'ada', 'Sawdust bricks').summary).toBe(
      'The value report on Sawdust bricks was settled: you received 1,234,567,890,123,456,789.01 Bound. Your statement shows it.',
    );
    expect(textOf(settled, 'bram', 'Sawdust bricks').summary).toContain(
      "your implementer's share is 50.01 Bound, kept by the syndicate",
    );
  });

  it('fails a record whose item lacks who it concerns, so it is retried and parked rather than lost', () => {
    expect(() => eventsOf(change(undefined, { type: 'application', openingId: 'x', syndicateId: 'y' }))).toThrow(
      'application item without personId',
    );
  });
});
