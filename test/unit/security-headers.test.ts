import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageKey, readPrerenderedPolicies } from '#http/prerendered-policies.ts';
import {
  allowFormTargets,
  apiSecurityHeaders,
  cspHash,
  dataContentSecurityPolicy,
  disabledFeatures,
  pageContentSecurityPolicy,
  securityHeaders,
  strictTransportSecurityValue,
} from '#http/security-headers.ts';

/** A policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

describe('the CSP hash of an inline script or style', () => {
  it('matches the value the CSP specification gives for its example script', () => {
    // CSP Level 3, "Hash usage for script elements": alert('Hello, world.');
    expect(cspHash("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  it('changes with a single character, whitespace included', () => {
    expect(cspHash("alert('Hello, world.'); ")).not.toBe(cspHash("alert('Hello, world.');"));
  });
});

describe('the page policy', () => {
  const policy = directives(pageContentSecurityPolicy({ scripts: ['go()'], styles: ['p{}'] }));

  it('never lets inline or evaluated code run: no unsafe-inline, unsafe-eval or unsafe-hashes anywhere', () => {
    for (const sources of policy.values()) {
      expect(sources.filter((source) => source.startsWith("'unsafe-"))).toEqual([]);
    }
  });

  it('allows exactly the inline scripts and styles it was given, by hash, besides files of this origin', () => {
    expect(policy.get('script-src')).toEqual(["'self'", cspHash('go()')]);
    expect(policy.get('style-src')).toEqual(["'self'", cspHash('p{}')]);
    expect(directives(pageContentSecurityPolicy()).get('script-src')).toEqual(["'self'"]);
  });

  it('keeps the page out of frames, its base and forms at home, and plugins off', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });
});

describe('letting forms reach the hosted sign-in', () => {
  const hosted = 'https://guildhall.auth.eu-west-1.amazoncognito.com';

  it('adds the origin to form-action and to nothing else', () => {
    const policy = directives(allowFormTargets(pageContentSecurityPolicy(), [hosted]));
    expect(policy.get('form-action')).toEqual(["'self'", hosted]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('works on Astro’s spelling of a policy, without spaces after the semicolons', () => {
    const astro = "default-src 'self';form-action 'self';frame-ancestors 'none'; script-src 'self' 'sha256-x';";
    expect(directives(allowFormTargets(astro, [hosted])).get('form-action')).toEqual(["'self'", hosted]);
    expect(directives(allowFormTargets(astro, [hosted])).get('script-src')).toEqual(["'self'", "'sha256-x'"]);
  });

  it('leaves a policy without form-action as it was, and adds an origin only once', () => {
    expect(allowFormTargets(dataContentSecurityPolicy, [hosted])).toBe(dataContentSecurityPolicy);
    const twice = allowFormTargets(allowFormTargets(pageContentSecurityPolicy(), [hosted]), [hosted]);
    expect(directives(twice).get('form-action')).toEqual(["'self'", hosted]);
    expect(allowFormTargets("form-action 'none'", [hosted])).toBe(`form-action ${hosted}`);
  });
});

describe('the header set of a response', () => {
  it('keeps the policy a page was built with, and lets its forms reach the given origins', () => {
    const headers = securityHeaders({
      contentType: 'text/html',
      policy: "form-action 'self'; script-src 'self' 'sha256-a'",
      formTargets: ['https://sign-in.example'],
    });
    expect(headers['content-security-policy']).toBe(
      "form-action 'self' https://sign-in.example; script-src 'self' 'sha256-a'",
    );
  });

  it('gives HTML without a policy the strict page policy, and anything else the data policy', () => {
    expect(securityHeaders({ contentType: 'text/html; charset=utf-8' })['content-security-policy']).toBe(
      pageContentSecurityPolicy(),
    );
    for (const contentType of ['application/json', 'application/problem+json', 'text/csv', 'text/plain', undefined]) {
      expect(securityHeaders({ contentType })['content-security-policy']).toBe(dataContentSecurityPolicy);
    }
    expect(dataContentSecurityPolicy).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('always carries nosniff, the referrer policy, frame denial, the permissions policy and COOP', () => {
    for (const headers of [apiSecurityHeaders, securityHeaders({ contentType: 'text/html' })]) {
      expect(headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-frame-options': 'DENY',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(headers['permissions-policy']?.split(', ')).toEqual(disabledFeatures.map((feature) => `${feature}=()`));
    }
  });

  it('never carries HSTS: only CloudFront, on https, sends it', () => {
    expect(Object.keys(securityHeaders({ contentType: 'text/html' }))).not.toContain('strict-transport-security');
    expect(Object.keys(apiSecurityHeaders)).not.toContain('strict-transport-security');
    expect(strictTransportSecurityValue).toBe('max-age=63072000; includeSubDomains');
  });
});

describe('the prerendered pages’ policies', () => {
  it.each([
    ['/', '/'],
    ['index.html', '/'],
    ['/learn/x/', '/learn/x'],
    ['/learn/x', '/learn/x'],
    ['learn/x/index.html', '/learn/x'],
    ['/learn/x/index.html', '/learn/x'],
    ['learn/x.html', '/learn/x'],
    ['learn\\x\\index.html', '/learn/x'],
  ])('finds %s under the key %s', (path, key) => {
    expect(pageKey(path)).toBe(key);
  });

  it('reads each page’s policy by the path of its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policies-'));
    const file = join(dir, 'prerendered-policies.json');
    writeFileSync(file, JSON.stringify({ '/learn/x': "script-src 'self' 'sha256-a'" }));
    const policies = readPrerenderedPolicies(file);
    expect(policies('/learn/x/index.html')).toBe("script-src 'self' 'sha256-a'");
    expect(policies('/learn/y/index.html')).toBeUndefined();
  });

  it('refuses to start without the file, naming the build that makes it', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'policies-')), 'prerendered-policies.json');
    expect(() => readPrerenderedPolicies(missing)).toThrow(/build the site again \(npm run build\)/);
  });
});
