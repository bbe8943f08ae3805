// A new proposal, or a draft's edit, that names no kind or one the commons does not decide on is told
// the kinds it may name, in the reader's language (the plain words' "one of", not a sentence of its own
// that stayed English).
import { describe, expect, it } from 'vitest';
import { proposalEditSchema } from '#domain/decisions/edit-draft.ts';
import { proposalInputSchema, proposalKinds } from '#domain/decisions/proposal.ts';
import type { FieldIssue } from '#domain/errors.ts';
import { issueIn } from '#domain/i18n/translate-plain.ts';
import { parseInto } from '#domain/validation.ts';
import type * as z from 'zod/mini';

describe('a proposal’s kind', () => {
  it.each<[string, () => z.ZodMiniType<unknown>, object]>([
    ['a new proposal without a kind', () => proposalInputSchema(), { scope: 'commons', title: 'About the hall' }],
    ['a new proposal of an unknown kind', () => proposalInputSchema(), { kind: 'bylaw', title: 'About the hall' }],
    ['a draft edited to an unknown kind', () => proposalEditSchema(), { kind: 'bylaw', version: 1 }],
  ])('%s is told the kinds in the reader’s language', (_case, schema, body) => {
    const issues: FieldIssue[] = [];
    parseInto(schema(), body, 'body', issues);
    const kinds = proposalKinds.join(', ');
    expect(
      issues.map((issue) => [issue.field, issueIn(issue, 'en'), issueIn(issue, 'es'), issueIn(issue, 'nl')]),
    ).toEqual([
      [
        'body.kind',
        `Choose one of: ${kinds}.`,
        `Elige una de estas opciones: ${kinds}.`,
        expect.stringContaining(kinds),
      ],
    ]);
    expect(issueIn(issues[0] as FieldIssue, 'nl')).not.toBe(issueIn(issues[0] as FieldIssue, 'en'));
  });
});
