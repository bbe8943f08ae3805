import { describe, expect, it } from 'vitest';
import { hostOf, instanceHostPattern, senderHosts } from '#domain/federation/instance-host.ts';

describe('which instance an inbox post comes from', () => {
  it('is the host of the draft-cavage signature’s keyId first, then the actor’s', () => {
    const hosts = senderHosts(
      { signature: 'keyId="https://Key.Example:8443/users/a#main-key",algorithm="rsa-sha256",signature="x"' },
      { actor: 'https://actor.example/users/a' },
    );
    expect(hosts).toEqual([
      { host: 'key.example:8443', hostname: 'key.example' },
      { host: 'actor.example', hostname: 'actor.example' },
    ]);
  });

  it('reads an RFC 9421 Signature-Input’s keyid and an actor given as an object', () => {
    const hosts = senderHosts(
      { signatureInput: 'sig1=("@method" "@target-uri");keyid="https://nine.example/key";alg="rsa-v1_5-sha256"' },
      { actor: { id: 'https://nine.example/users/b' } },
    );
    expect(hosts).toEqual([{ host: 'nine.example', hostname: 'nine.example' }]);
  });

  it('names no host for an unsigned post without an http(s) actor', () => {
    expect(senderHosts({}, { actor: 'mailto:a@b.example' })).toEqual([]);
    expect(senderHosts({ signature: 'keyId="not a url"' }, { actor: 42 })).toEqual([]);
    expect(senderHosts({}, null)).toEqual([]);
  });

  it('drops the default port and refuses other schemes', () => {
    expect(hostOf('https://a.example:443/x')).toEqual({ host: 'a.example', hostname: 'a.example' });
    expect(hostOf('ftp://a.example/')).toBeNull();
    expect(hostOf(undefined)).toBeNull();
  });

  it('accepts a steward’s host as a lower-case name or address with an optional port, nothing else', () => {
    for (const host of ['mastodon.social', 'a-b.example', '127.0.0.1:8080', 'localhost'])
      expect(host).toMatch(instanceHostPattern);
    for (const host of [
      'Mastodon.social',
      'https://x.example',
      'x.example/path',
      '-x.example',
      'a..b',
      '',
      'x.example:',
    ]) {
      expect(host).not.toMatch(instanceHostPattern);
    }
  });
});
