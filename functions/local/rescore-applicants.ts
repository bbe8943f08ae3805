// `npm run applicants:rescore`: scores every standing application against its opening and writes the
// matches that changed (domain/openings/applicant-match.ts, `rescoreApplicants`). Run it once against a
// table after the deploy that starts keeping matches on applications, so those made before appear in
// the ranked lists; any time after, to bring every ranking up to date at once. Point it at the table
// with TABLE_NAME and AWS_REGION (plus DYNAMODB_ENDPOINT for DynamoDB Local). A second run writes nothing.
import { join } from 'node:path';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { createStoreServices } from '#app/store-services.ts';
import { parseConfig } from '#config/config.ts';
import { rescoreApplicants } from '#domain/openings/applicant-match.ts';
import { root } from './compile-commons.ts';

const config = parseConfig({
  STAGE: 'local',
  // The script reads and writes the table; it verifies no tokens, so identity settings are placeholders.
  AUTH_ISSUER: 'rescore-applicants',
  AUTH_AUDIENCE: 'rescore-applicants',
  AUTH_JWKS: '{"keys":[{"kty":"oct"}]}',
  LOG_LEVEL: 'error',
  ...process.env,
});
const services = createStoreServices(config, { commons: loadCommons(join(root, 'content')) });
const started = performance.now();
const done = await rescoreApplicants(services);
console.log(
  `Scored ${done.applications} standing applications of ${done.openings} openings in table "${config.TABLE_NAME}" ` +
    `in ${Math.round(performance.now() - started)} ms: ${done.written} matches written.`,
);
process.exit(0);
