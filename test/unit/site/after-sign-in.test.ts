import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '#http/session.ts';
import { continuedAction, continuePath, signInToContinue } from '../../../site/src/lib/after-sign-in.ts';

describe('an action started while signed out, carried through the sign-in', () => {
  it('returns the person to the page, at the action, saying which action waits', () => {
    expect(continuePath('/jobs/riverside-builders-site-carpenter/', 'apply', 'apply')).toBe(
      '/jobs/riverside-builders-site-carpenter/?continue=apply#apply',
    );
  });

  it('carries that place through the sign-in as a path on this site, which the return check keeps whole', () => {
    const location = signInToContinue('/auth/sign-in', '/syndicates/riverside-builders/', 'join', 'membership');
    const returnTo = new URL(location, 'https://guildhall.example').searchParams.get('returnTo');
    expect(returnTo).toBe('/syndicates/riverside-builders/?continue=join#membership');
    expect(safeReturnTo(returnTo)).toBe(returnTo);
  });

  it('reads back only the actions a page offers, so a crafted address cannot name another', () => {
    expect(continuedAction(new URL('https://guildhall.example/jobs/x/?continue=apply'))).toBe('apply');
    expect(continuedAction(new URL('https://guildhall.example/syndicates/x/?continue=join'))).toBe('join');
    for (const wanted of ['withdraw', 'close', 'leave', '', 'apply2'])
      expect(continuedAction(new URL(`https://guildhall.example/jobs/x/?continue=${wanted}`))).toBeUndefined();
  });
});
