// The OpenAPI 3.1 document, generated from the same route table and zod schemas the router validates
// with, so the documentation cannot drift from the behaviour.
import * as z from 'zod/mini';
import { type TextRule, textRules } from '#domain/text.ts';
import { textPattern } from '#domain/text-pattern.ts';
import type { AnyRoute } from './route.ts';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

type JsonSchema = Record<string, unknown>;

/** The shared schemas free-text fields point to, one per kind of text and minimum, filled as fields are met. */
type TextComponents = Map<string, JsonSchema>;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output', texts: TextComponents): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      keepDefault(zodSchema, jsonSchema);
      const rule = textRules.get(zodSchema);
      if (!rule) return;
      for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
      Object.assign(jsonSchema, textField(rule, io, texts));
    },
  }) as JsonSchema;
  // A response schema promises the fields it lists; answers may carry more (bookkeeping such as
  // `version`), so outputs are documented open. Request bodies stay closed: extra fields are refused.
  return io === 'output' ? openObjects(rest) : rest;
}

/**
 * zod leaves out the default of a value parsed by a transform when it describes the input (the default
 * is the parsed value, not the text); a whole number's default is the same on the wire, so it is kept.
 */
function keepDefault(zodSchema: z.core.$ZodTypes, json: JsonSchema) {
  const def = zodSchema._zod.def;
  if (def.type !== 'default' || 'default' in json) return;
  const value: unknown = def.defaultValue;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') json.default = value;
}

/**
 * A free-text field. In a request it is a reference to a shared schema, one per kind of text and pair
 * of lengths, whose pattern states exactly which strings the normaliser accepts
 * (`functions/domain/text.ts`), so a fuzzer's "valid" text is valid. Pattern and lengths sit side by
 * side in that schema, not behind an `allOf`: Schemathesis drops a pattern when it must build a string
 * longer than a few hundred characters (to break maxLength), and only sees one it can drop.
 */
function textField(rule: TextRule, io: 'input' | 'output', texts: TextComponents): JsonSchema {
  if (io === 'output') return { type: 'string', maxLength: rule.max };
  const name = `${rule.multiline ? 'Text' : 'OneLineText'}${rule.min}To${rule.max}`;
  if (!texts.has(name)) {
    texts.set(name, {
      type: 'string',
      minLength: rule.min,
      maxLength: rule.max,
      pattern: textPattern(rule),
      description: describeText(rule),
    });
  }
  return { $ref: `#/components/schemas/${name}` };
}

function describeText(rule: TextRule): string {
  return [
    rule.multiline
      ? 'Text of one or more lines; CR LF, CR, U+2028 and U+2029 are stored as LF.'
      : 'One line of text: a line break is refused inside it (trimmed at either end).',
    'Stored NFC-normalised, with control characters removed, tabs as spaces, and spaces and invisible characters trimmed from both ends.',
    `It needs at least ${rule.min} visible characters: spaces, invisible (default-ignorable) and format characters, controls, combining marks and emoji modifiers do not count.`,
    'Refused anywhere: the direction overrides, embeddings and isolates U+202A–U+202E and U+2066–U+2069, and unpaired surrogates (which the pattern cannot state: validators that hold strings as UTF-8 cannot compile them).',
    'maxLength counts characters (code points) as sent, and what is stored must fit it too.',
  ].join(' ');
}

function openObjects(value: unknown): JsonSchema {
  if (Array.isArray(value)) return value.map(openObjects) as unknown as JsonSchema;
  if (!value || typeof value !== 'object') return value as JsonSchema;
  const result: JsonSchema = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'additionalProperties' && inner === false) continue;
    result[key] = typeof inner === 'object' ? openObjects(inner) : inner;
  }
  return result;
}

export function buildOpenApi(routes: AnyRoute[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const texts: TextComponents = new Map();
  for (const route of routes) {
    if (!route.doc)
      throw new Error(`${route.method} ${route.path} has no doc: the document is built where docs are kept`);
    const doc = route.doc;
    const input = route.input?.() ?? {};
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', input.params],
      ['query', input.query],
    ] as const) {
      if (!schema) continue;
      const object = jsonSchema(schema, 'input', texts) as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(object.properties ?? {})) {
        parameters.push({
          name,
          in: location,
          required: location === 'path' || (object.required ?? []).includes(name),
          schema: property,
          ...(typeof property.description === 'string' ? { description: property.description } : {}),
        });
      }
    }
    if ('command' in route) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Send the same key when you retry this write: its first answer is kept for 24 hours and given again (with `Idempotent-Replayed: true`), and nothing changes twice. A key sent with a different request is refused (422, rule `idempotency-key-reused`).',
        schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[!-~]+$' },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(doc.responses)) {
      const content: Record<string, unknown> = {};
      if (response.schema)
        content[response.contentType ?? 'application/json'] = {
          schema: jsonSchema(response.schema(), 'output', texts),
        };
      // A refusal a route describes in its own words is still answered as problem+json, unless it names
      // its own content type (a Tombstone's 410 is ActivityPub's).
      else if (Number(status) >= 400 && response.contentType) content[response.contentType] = {};
      else if (Number(status) >= 400)
        content['application/problem+json'] = { schema: { $ref: '#/components/schemas/Problem' } };
      for (const alternative of response.alternatives ?? []) {
        content[alternative.contentType] = alternative.schema
          ? { schema: jsonSchema(alternative.schema(), 'output', texts) }
          : {};
      }
      responses[status] = {
        description: response.description,
        ...(Object.keys(content).length > 0 ? { content } : {}),
      };
    }
    const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const withProblem = (status: number, description: string) => {
      responses[status] ??= { description, ...problem };
    };
    // A command also reads its Idempotency-Key header, refused with 400 when malformed.
    if (input.params || input.query || input.body || 'command' in route) {
      withProblem(400, 'Malformed input; `errors` lists each field.');
      withProblem(422, 'Well-formed input the rules refuse; `errors` or `rule` says why.');
    }
    // API Gateway's JWT authorizer (and the local gateway in its place) answers 401 itself, in its own shape.
    if (route.auth === 'required') {
      responses[401] ??= {
        description: 'No valid bearer token (answered by the JWT authorizer before the API runs).',
        content: {
          'application/json': {
            schema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
          },
        },
      };
      withProblem(429, 'Too many writes; retry after the Retry-After header.');
      // Every write is conditional on the state it read: a change that lost a race, or that the current
      // state no longer allows (an application already decided), is a conflict.
      if (route.method !== 'GET') withProblem(409, 'Conflict with the current state; re-read it and try again.');
    }
    if (input.body) {
      withProblem(413, 'Body too large.');
      withProblem(415, 'Body is not JSON.');
    }
    withProblem(500, 'Unexpected failure.');
    withProblem(
      503,
      'The store or search is not answering, or too many writers raced for the same records; nothing was changed. Retry after the Retry-After header.',
    );

    const operation: Record<string, unknown> = {
      operationId: operationId(route),
      summary: doc.summary,
      tags: doc.tags,
      parameters,
      responses,
    };
    if (route.auth === 'required') operation.security = [{ bearer: [] }];
    if (input.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(input.body, 'input', texts) } },
      };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { Problem: problemSchema, ...Object.fromEntries(texts) },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

function operationId(route: AnyRoute): string {
  const words = route.path
    .replace(/^\/api\//, '')
    .split(/[/{}.-]+/)
    .filter(Boolean);
  return [route.method.toLowerCase(), ...words.map((word) => word[0]?.toUpperCase() + word.slice(1))].join('');
}
