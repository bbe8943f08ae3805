// An independent verifier reads Guildhall's badges: openbadgeslib 4.6.3 (PyPI), its
// `openbadges-verifier` CLI, installed by .ci/openbadges-verifier into .cache/. A real credential, issued
// by the use case and signed with the instance key, is baked into an SVG and a PNG; the tool must find
// the signature valid, and must refuse the same badges with one changed byte. Nothing here is skipped:
// without Python and venv the suite fails and says how to install them.
import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bakePng, decodePng } from '#domain/credentials/png.ts';
import { getMyCredential } from '#domain/learning/learning-use-cases.ts';
import { bakedBadge, getPublicCredential } from '#domain/learning/public-credential.ts';
import { courseNamed, takeQuizDirectly } from '../support/quiz.ts';
import { fakeServices } from '../support/services.ts';

const root = resolve(import.meta.dirname, '../..');
const venv = join(root, '.cache/openbadges-venv/bin');
const verifierBin = join(venv, 'openbadges-verifier');
const femi = { personId: 'femi-ob3', claimedName: 'Femi Adeyemi', email: 'femi@example.org' };
const recipient = `urn:guildhall:person:${femi.personId}`;

let dir: string;
let pubkey: string;
let jws: string;
let svg: string;
let png: Uint8Array;
let salt: string;
let identityHash: string;

beforeAll(async () => {
  if (!existsSync(verifierBin)) {
    const install = spawnSync('bash', [join(root, '.ci/openbadges-verifier')], { encoding: 'utf8' });
    if (install.status !== 0 || !existsSync(verifierBin)) {
      throw new Error(
        `openbadges-verifier could not be installed (${install.stderr.trim() || install.error?.message}). ` +
          'It needs Python 3 with venv and pip (Debian/Ubuntu: apt-get install python3 python3-venv); ' +
          'then run `bash .ci/openbadges-verifier`.',
      );
    }
  }
  const services = fakeServices();
  const course = courseNamed('haccp-for-small-kitchens');
  const { credentialId } = await takeQuizDirectly(services, femi, course);
  jws = (await getMyCredential(services, femi, credentialId ?? '')).jws;
  const shared = await getPublicCredential(services, credentialId ?? '');
  svg = bakedBadge(shared, 'svg');
  png = bakedBadge(shared, 'png');
  const identifier = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString()).credentialSubject
    .identifier[0];
  ({ salt, identityHash } = identifier);
  dir = mkdtempSync(join(root, '.tmp', 'openbadges-'));
  pubkey = join(dir, 'guildhall.pem');
  const jwk = await services.signer.publicJwk();
  writeFileSync(
    pubkey,
    createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    }),
  );
}, 120_000);

function verify(name: string, bytes: string | Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const run = spawnSync(verifierBin, ['-i', file, '-r', recipient, '-k', pubkey], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The JWS with its payload changed after signing: the recipient's name, as a forger would. */
function forged(): string {
  const [header, payload, signature] = jws.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
  claims.credentialSubject.name = 'Mallory';
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('openbadgeslib’s verifier', () => {
  it.each(['svg', 'png'] as const)('finds the OB3 signature valid in a baked %s badge', (format) => {
    const result = verify(`badge.${format}`, format === 'svg' ? svg : png);
    expect(result.output).toContain(`OB3 signature is valid for the identity ${recipient}`);
    expect(result.status).toBe(0);
  });

  it.each(['svg', 'png'] as const)('refuses a %s badge whose credential was changed after signing', (format) => {
    const result = verify(`forged.${format}`, format === 'svg' ? svg.replace(jws, forged()) : bakePng(png, forged()));
    expect(result.output).toMatch(/Invalid signature/);
    expect(result.status).toBe(1);
  });

  it('refuses an SVG badge with one byte of the signed payload changed', () => {
    const at = svg.indexOf(jws) + jws.indexOf('.') + 10;
    const tampered = `${svg.slice(0, at)}${svg[at] === 'A' ? 'B' : 'A'}${svg.slice(at + 1)}`;
    const result = verify('tampered.svg', tampered);
    expect(result.output).not.toContain('OB3 signature is valid');
    expect(result.status).toBe(1);
  });

  it('refuses a PNG badge with one byte of the signed payload changed', () => {
    const chunks = decodePng(png);
    expect(chunks.map((chunk) => chunk.type)).toContain('iTXt');
    const tampered = png.slice();
    const at = Buffer.from(tampered).indexOf(jws.split('.')[1] ?? '') + 10;
    tampered[at] = (tampered[at] ?? 0) ^ 0x02;
    const result = verify('tampered.png', tampered);
    expect(result.output).not.toContain('OB3 signature is valid');
    expect(result.status).toBe(1);
  });

  it('hashes the recipient’s email as openbadgeslib does (salted SHA-256 of the address)', () => {
    const python = spawnSync(
      join(venv, 'python'),
      [
        '-c',
        'import sys; from openbadgeslib.ob3.credential import IdentityObject; print(IdentityObject.create(sys.argv[1], sys.argv[2]).identity_hash)',
        femi.email,
        salt,
      ],
      { encoding: 'utf8' },
    );
    expect(python.stdout.trim()).toBe(identityHash);
  });
});
