// Where the tests' API finds its OpenAPI document: written once per run by the integration project's
// global setup (dynamodb-global-setup.ts), as the CDK build writes it beside a deployed API.
import { join } from 'node:path';

export const testOpenApiFile = join(import.meta.dirname, '../../.cache/test-openapi.json');
