// The site's forms make their writes through the same commands as the API (app/commands/): the write
// limit, the schemas, the idempotency key and the use case are one edge, so a form can never skip a
// rule the API keeps. This module reads a form post and turns what a command refuses into what a page
// shows: a status, a message per field and a sentence. A store or search outage and the write limit
// are thrown on to the middleware, which answers with the outage page or the 429 page.
import { randomUUID } from 'node:crypto';
import { type Command, type CommandResult, runCommand } from '#app/commands/command.ts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  QuizWaitError,
  RequestShapeError,
  RuleViolationError,
  ValidationError,
} from '#domain/errors.ts';
import type { Identity } from '#domain/identity.ts';
import type { Services } from '#app/services.ts';
import { type FieldErrors, fieldErrors } from './forms.ts';
import { currentLocale } from './i18n.ts';
import { getServices } from './services.ts';

/** The hidden field every form that writes carries: a fresh idempotency key per page shown. */
export const idempotencyField = 'idempotencyKey';
export const newIdempotencyKey = () => randomUUID();

/**
 * The fields of a form post, or null when the request was not sent as a form (another content type,
 * or a body that is not one): the page answers 400 and nothing runs.
 */
export async function readForm(request: Request): Promise<FormData | null> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

export const notAForm = 'This page takes its changes from its own form: send the form again from the page.';

export interface FormRefusal {
  status: number;
  /** What is wrong, by field (`title`, `skills.0.skill`); `form` for what belongs to no field. */
  errors: FieldErrors;
  /** The refusal in one sentence, for pages that show no field-by-field summary. */
  message: string;
  /** The rule a refusal broke, if any (`credit-limit`, `conflict-of-interest`…). */
  rule?: string | undefined;
}

export type FormOutcome<O> = ({ ok: true } & CommandResult<O>) | ({ ok: false } & FormRefusal);

/**
 * Runs a command from a form. `params` are the ids from the page's address (or hidden fields), `body`
 * is the form read into the shape the API takes; the form's idempotency key makes a double submission
 * one change; `services` are the process's own unless a test passes fakes. A refusal comes back as a FormRefusal; anything else is thrown on.
 */
export async function submitCommand<P, B, O>(
  command: Command<P, B, O>,
  input: { identity: Identity; params?: unknown; body?: unknown; form?: FormData | null; services?: Services },
): Promise<FormOutcome<O>> {
  const key = input.form?.get(idempotencyField);
  try {
    const result = await runCommand(command, {
      services: input.services ?? getServices(),
      identity: input.identity,
      params: input.params ?? {},
      body: input.body,
      idempotencyKey: typeof key === 'string' && key !== '' ? key : undefined,
    });
    return { ok: true, ...result };
  } catch (error) {
    const refusal = formRefusal(error);
    if (!refusal) throw error;
    return { ok: false, ...refusal };
  }
}

/** What a page shows for a refusal from the one error taxonomy; undefined for what it must not handle. */
export function formRefusal(error: unknown): FormRefusal | undefined {
  if (error instanceof ValidationError) {
    const errors = fieldErrors(error.issues);
    const first = Object.values(errors)[0];
    return {
      status: error instanceof RequestShapeError ? 400 : 422,
      errors,
      message: first ?? error.message,
    };
  }
  // A rule that keeps its sentence as a message says it in the page's language; any other in English.
  const said = error instanceof DomainError ? (error.wordsIn?.(currentLocale()) ?? error.message) : '';
  if (error instanceof RuleViolationError)
    return { status: 422, errors: { form: said }, message: said, rule: error.rule };
  if (error instanceof ConflictError) return { status: 409, errors: { form: said }, message: said };
  if (error instanceof ForbiddenError) return { status: 403, errors: { form: said }, message: said };
  if (error instanceof NotFoundError) return { status: 404, errors: { form: said }, message: said };
  // The wait after two failed quiz attempts is the quiz page's to show; the write limit is the middleware's.
  if (error instanceof QuizWaitError) return { status: 429, errors: { form: error.message }, message: error.message };
  return undefined;
}
