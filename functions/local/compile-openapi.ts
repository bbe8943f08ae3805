// `node functions/local/compile-openapi.ts [out]`: generate the API's OpenAPI document from the route
// table and write it (default `.cache/openapi.json`). The CDK app runs it into the API function's
// bundle and the local stack at every start; the API serves the file as it is, so the code that turns
// zod schemas into JSON Schema never travels in a function, and no cold start builds the document.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apiInfo, apiRoutes } from '#http/api.ts';
import { buildOpenApi } from '#http/openapi.ts';
import { root } from './compile-commons.ts';

/** The document as the API answers it: compact JSON. */
export function openApiText(): string {
  return JSON.stringify(buildOpenApi(apiRoutes, apiInfo));
}

export function compileOpenApi(out = join(root, '.cache/openapi.json')): string {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, openApiText());
  return out;
}

if (import.meta.main) console.log(`compiled OpenAPI document: ${compileOpenApi(process.argv[2])}`);
