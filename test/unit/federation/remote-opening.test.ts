// What is read of a remote Note, and how a followed syndicate is named: the pure rules under the inbox
// and the follow route (remote-follows.test.ts runs them end to end).
import { describe, expect, it } from 'vitest';
import { parseActorReference } from '#domain/federation/remote-follow.ts';
import { htmlToText, remoteOpeningOf } from '#domain/federation/remote-opening.ts';

const follow = { id: 'f1', actorId: 'https://a.example/actors/s', host: 'a.example', name: 'S' };
const note = (overrides: Record<string, unknown> = {}, posting: Record<string, unknown> = {}) => ({
  id: 'https://a.example/ap/openings/o1',
  type: 'Note',
  attributedTo: follow.actorId,
  url: 'https://a.example/jobs/o1/',
  published: '2026-12-01T09:00:00Z',
  updated: '2026-12-02T09:00:00Z',
  ...overrides,
  jobPosting: { title: 'Roofer', description: '<p>Hi</p>', ...posting },
});
const at = new Date('2026-12-03T00:00:00Z');

describe('a remote Note read as an opening', () => {
  it('reduces remote HTML to text: no tag, script or style survives, entities decoded', () => {
    expect(
      htmlToText('<p>One &amp; <b>two</b></p><script>alert(1)</script><style>p{}</style><img src=x onerror=y>'),
    ).toBe('One & two');
    expect(htmlToText('a &lt;script&gt; b')).toBe('a script b');
  });

  it('takes remote work (TELECOMMUTE) with its countries, and a place otherwise', () => {
    const remote = remoteOpeningOf(
      note({}, { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: [{ name: 'ES' }, { name: 'NL' }] }),
      follow,
      at,
    );
    expect(remote).toMatchObject({ remote: true, place: 'ES, NL', kind: 'job', payText: null });
    expect(remoteOpeningOf(note(), follow, at)).toMatchObject({ remote: false, place: null, title: 'Roofer' });
  });

  it('refuses a Note attributed to another actor, on another host, or too long', () => {
    expect(remoteOpeningOf(note({ attributedTo: 'https://a.example/actors/other' }), follow, at)).toBeNull();
    expect(remoteOpeningOf(note({ id: 'https://b.example/ap/openings/o1' }), follow, at)).toBeNull();
    expect(remoteOpeningOf(note({}, { title: 'x'.repeat(201) }), follow, at)).toBeNull();
  });

  it('never links elsewhere than the origin: a url on another host falls back to the Note id', () => {
    const opening = remoteOpeningOf(
      note({ url: 'https://phish.example/' }, { url: 'https://phish.example/' }),
      follow,
      at,
    );
    expect(opening?.url).toBe('https://a.example/ap/openings/o1');
  });

  it('keeps training places as training', () => {
    expect(remoteOpeningOf(note({}, { 'guildhall:kind': 'training' }), follow, at)?.kind).toBe('training');
  });
});

describe('naming a remote syndicate', () => {
  it('reads acct:, @user@host and user@host, and an http(s) URL; nothing else', () => {
    expect(parseActorReference('acct:river@a.example:8443')).toEqual({
      kind: 'acct',
      user: 'river',
      host: 'a.example:8443',
    });
    expect(parseActorReference('@river@A.example')).toEqual({ kind: 'acct', user: 'river', host: 'a.example' });
    expect(parseActorReference('https://a.example/actors/river')).toEqual({
      kind: 'url',
      url: 'https://a.example/actors/river',
    });
    expect(parseActorReference('ftp://a.example/x')).toBeNull();
    expect(parseActorReference('river')).toBeNull();
  });
});
