// What both smoke runs share (.ci/smoke-bundles.ts: the API and site functions; .ci/smoke-workers.ts: the
// stream, schedule and queue functions): the bundles as CDK wrote them, each copied alone into a fresh
// folder as Lambda unpacks it, a stand-in Secrets Manager, and the environment a bundle runs with.
import { generateKeyPairSync } from 'node:crypto';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const root = resolve(import.meta.dirname, '..');
export const run = promisify(execFile);
const cdkOut = join(root, '.tmp/cdk.out');
// The functions are spread over several stacks (the app stack and the API stacks): read every template.
const resources = readdirSync(cdkOut)
  .filter((file) => /^Guildhall.*\.template\.json$/.test(file))
  .flatMap((file) =>
    Object.entries(
      (
        JSON.parse(readFileSync(join(cdkOut, file), 'utf8')) as {
          Resources?: Record<string, { Type: string; Metadata?: Record<string, string> }>;
        }
      ).Resources ?? {},
    ),
  );

/** The folder CDK bundled a function into, found by its logical id's prefix. */
export function assetOf(logicalPrefix: string) {
  const entry = resources.find(
    ([id, resource]) => resource.Type === 'AWS::Lambda::Function' && id.startsWith(logicalPrefix),
  );
  const path = entry?.[1].Metadata?.['aws:asset:path'];
  if (!path) throw new Error(`no bundled asset for ${logicalPrefix} in ${cdkOut}; run npm run synth first`);
  return join(cdkOut, path);
}

/** A copy of the bundle alone in a fresh folder, with the AWS SDK linked in as the Lambda runtime provides it. */
export function bundleAlone(logicalPrefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `smoke-${logicalPrefix}-`));
  cpSync(assetOf(logicalPrefix), dir, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

export const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
export const originValue = 'smoke-origin-value-that-cloudfront-would-send-0123456789';
const secrets: Record<string, string> = {
  'guildhall/credential-signing-key': JSON.stringify(signingKey),
  'guildhall/origin-verify': originValue,
  'guildhall/email-link-key': 'smoke-email-link-key-0123456789abcdef0123456789abcdef',
};

/** A stand-in for one AWS service over HTTP: `answer` gets the target header and the parsed JSON body. */
export async function startStandIn(
  answer: (target: string, body: Record<string, unknown>, request: IncomingMessage) => readonly [number, unknown],
  contentType = 'application/x-amz-json-1.1',
) {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const [status, reply] = answer(
        String(request.headers['x-amz-target'] ?? ''),
        JSON.parse(body || '{}') as Record<string, unknown>,
        request,
      );
      response.writeHead(status, { 'content-type': contentType });
      response.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Secrets Manager's GetSecretValue, as the SDK calls it (JSON 1.1 over HTTP), for the secrets above. */
export function startSecretsManager() {
  return startStandIn((target, { SecretId }) => {
    const value = typeof SecretId === 'string' ? secrets[SecretId] : undefined;
    return target === 'secretsmanager.GetSecretValue' && value !== undefined
      ? [
          200,
          {
            ARN: `arn:aws:secretsmanager:eu-west-1:000000000000:secret:${SecretId}`,
            Name: SecretId,
            SecretString: value,
          },
        ]
      : [400, { __type: 'ResourceNotFoundException', message: `no secret ${String(SecretId)}` }];
  });
}

/** The environment a bundle runs with: as in AWS, where the secrets live, never their values. */
export function bundleEnvironment(settings: {
  tableName: string;
  dynamoEndpoint: string;
  searchUrl: string;
  secretsEndpoint: string;
}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    // STAGE=local only spares the smoke a credential signing key (AWS refuses to start without one).
    STAGE: 'local',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: settings.secretsEndpoint,
    TABLE_NAME: settings.tableName,
    DYNAMODB_ENDPOINT: settings.dynamoEndpoint,
    AUTH_ISSUER: 'https://issuer.smoke',
    AUTH_AUDIENCE: 'smoke',
    AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
    COMMONS_FILE: 'commons.json',
    MEILISEARCH_URL: settings.searchUrl,
    CREDENTIAL_SIGNING_KEY_SECRET: 'guildhall/credential-signing-key',
    ORIGIN_VERIFY_SECRET: 'guildhall/origin-verify',
    LOG_LEVEL: 'warn',
  };
}
