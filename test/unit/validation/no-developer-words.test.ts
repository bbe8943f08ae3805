// Every refusal a person can meet reads as plain words: each API route's body, query and path schema,
// and each command a site form runs, is sent values with every kind of mistake, and no message, no
// problem `detail` and no form summary may hold a pattern, a numbered path ("evidence.0") or the
// parser's "Invalid input", "expected", "received".
import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '#app/commands/command.ts';
import { type FieldIssue, RequestShapeError } from '#domain/errors.ts';
import { fieldLabel } from '#domain/plain-words.ts';
import { parseInto } from '#domain/validation.ts';
import { apiRoutes } from '#http/api.ts';
import { problemFor } from '#http/problem.ts';
import { submitCommand } from '../../../site/src/lib/command-form.ts';
import { fakeServices } from '../../support/services.ts';
import { developerLabel, developerWords, mistakes, wrongValue } from '../../support/wrong-values.ts';

const where = ['params', 'query', 'body'] as const;
const placeOf = { params: 'path', query: 'query', body: 'body' } as const;

/** Each message that is developer output, as `route mistake field: message`. */
const offenders = (label: string, said: ReadonlyArray<{ field: string; message: string }>) =>
  said.flatMap(({ field, message }) =>
    developerWords(message) || developerLabel(fieldLabel(field)) ? [`${label} ${field}: ${message}`] : [],
  );

describe('plain words in every refusal', () => {
  it('finds wrong values a schema refuses, so the sweep below reads real refusals', () => {
    const refused = apiRoutes.flatMap((route) => {
      const body = route.input?.().body;
      if (!body) return [];
      const issues: FieldIssue[] = [];
      parseInto(body, wrongValue(body, 'wrong type'), 'body', issues);
      return issues;
    });
    expect(refused.length).toBeGreaterThan(30);
  });

  it('says every API route’s refusal of a wrong value in plain words, in each field and in the detail', () => {
    const found: string[] = [];
    let refusals = 0;
    for (const route of apiRoutes) {
      const input = route.input?.();
      if (!input) continue;
      for (const mistake of mistakes) {
        const issues: FieldIssue[] = [];
        for (const part of where) {
          const schema = input[part];
          if (schema) parseInto(schema, wrongValue(schema, mistake), placeOf[part], issues);
        }
        if (issues.length === 0) continue;
        refusals += issues.length;
        const label = `${route.method} ${route.path} (${mistake})`;
        const { problem } = problemFor(new RequestShapeError(issues), { exposeInternals: false });
        found.push(...offenders(label, problem.errors ?? []));
        // The detail is each field's name then its message; the names are checked above, as names.
        const detail = issues.reduce(
          (said, issue) => said.replace(`${fieldLabel(issue.field)}: `, ''),
          problem.detail ?? '',
        );
        if (developerWords(detail)) found.push(`${label} detail: ${problem.detail}`);
      }
    }
    expect(refusals).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });

  it('says every form command’s refusal in plain words, field by field and in its one sentence', async () => {
    const commands = apiRoutes.flatMap((route) => ('command' in route ? [route.command as AnyCommand] : []));
    expect(commands.length).toBeGreaterThan(20);
    const services = fakeServices();
    const found: string[] = [];
    for (const command of commands) {
      const input = command.input?.();
      if (!input?.body && !input?.params) continue;
      for (const mistake of mistakes) {
        const outcome = await submitCommand(command, {
          identity: { personId: 'ana' },
          params: input.params ? wrongValue(input.params, mistake) : {},
          body: input.body ? wrongValue(input.body, mistake) : undefined,
          services,
        });
        const label = `${command.name} (${mistake})`;
        expect(outcome.ok, label).toBe(false);
        if (outcome.ok) continue;
        found.push(
          ...offenders(
            label,
            Object.entries(outcome.errors).map(([field, message]) => ({ field, message })),
          ),
        );
        if (developerWords(outcome.message)) found.push(`${label} sentence: ${outcome.message}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('catches developer output when it is there', () => {
    for (const message of [
      'Too small: expected string to have >=5 characters',
      'Invalid input: expected number, received string',
      'Invalid string: must match pattern /^[1-9]\\d{0,19}$/',
      'evidence.0: Needs at least 5 characters.',
    ])
      expect(developerWords(message), message).toBeDefined();
    expect(developerWords('Enter the amount as a number, for example 12.50.')).toBeUndefined();
  });
});
