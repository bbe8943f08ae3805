// `npm run credential-key`: print a new Ed25519 private JWK for signing credentials. Store it once in
// Secrets Manager (see README, Deploy); every credential the instance issues verifies against it.
import { generateKeyPairSync } from 'node:crypto';

const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
process.stdout.write(`${JSON.stringify({ ...jwk, kid: `instance-${new Date().toISOString().slice(0, 10)}` })}\n`);
