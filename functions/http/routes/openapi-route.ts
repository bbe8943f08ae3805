// GET /api/openapi.json: the document generated from the whole route table at build time
// (functions/local/compile-openapi.ts), read once, sent as is.
import { documented } from '#config/bundle.ts';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { publicRoute } from '../route.ts';

const openApiDocuments = new Map<string, string>();

export const openApiRoute = publicRoute({
  method: 'GET',
  path: '/api/openapi.json',
  auth: 'none',
  doc: documented && {
    summary: 'This document: every route of the API',
    tags: ['system'],
    responses: { 200: { description: 'OpenAPI 3.1 document.' } },
  },
  async handle({ services }) {
    const file = resolve(services.config.OPENAPI_FILE);
    const document = openApiDocuments.get(file) ?? (await readFile(file, 'utf8'));
    openApiDocuments.set(file, document);
    return {
      body: document,
      contentType: 'application/json; charset=utf-8',
      headers: { 'cache-control': 'public, max-age=300' },
    };
  },
});
