// Every refusal a reader can meet is worded in their language (issue 19): each place the code builds a
// domain error, or a field issue, either passes `wordsIn` (the rule keeps its sentence as a key and
// values, worded by a file under functions/domain/i18n/), or says it in one of the plain-words templates
// that `translatePlain` reads back into Spanish and Dutch. What is still English is listed in
// `english-refusals.json` (`still`), each by its file and the first words of its sentence; the list only
// shrinks: a new English refusal fails here, and so does a listed one that is worded now (take it off the
// list). `onPurpose` names the files whose refusals speak to authors or tests, never to a reader, and why.
//
// Found by reading the source (TypeScript's parser), so a refusal built by a helper function, or a
// message held in a variable, is judged where the error is constructed: a message that is not a literal
// and has no `wordsIn` beside it counts as English.
import { describe, expect, it } from 'vitest';
import * as errors from '#domain/errors.ts';
import { locales } from '#domain/i18n/locales.ts';
import { classesWithOwnSentence, englishRefusals, key, scanned } from '../../support/english-refusals.ts';
import english from './english-refusals.json' with { type: 'json' };

const sites = englishRefusals();

describe('refusals in the reader’s language', () => {
  it('finds the refusals it judges (the scan reads the code it should)', () => {
    expect(scanned.length).toBeGreaterThan(100);
    // A worded refusal the scan must pass: the hiring rules' (hiring-use-cases.ts passes wordsIn).
    expect(scanned.some((path) => path.endsWith('hiring-use-cases.ts'))).toBe(true);
  });

  const onPurpose: Record<string, string> = english.onPurpose;
  const judged = sites.filter((site) => !(site.file in onPurpose));

  it('has no English refusal beyond the list of those still to word', () => {
    const listed = new Set<string>(english.still);
    expect(judged.map(key).filter((site) => !listed.has(site))).toEqual([]);
  });

  it('lists no refusal that is worded now, or gone (the list only shrinks)', () => {
    const found = new Set(judged.map(key));
    expect((english.still as string[]).filter((site) => !found.has(site))).toEqual([]);
  });

  it('says why each file left in English is, and names only files that still build a refusal', () => {
    for (const [file, why] of Object.entries(onPurpose)) {
      expect(why.length, file).toBeGreaterThan(20);
      expect(
        sites.some((site) => site.file === file),
        file,
      ).toBe(true);
    }
  });
});

// A refusal built with no message says its class's own sentence ("No opening with id …", "Sign in to do
// this."), which the scan above cannot read at the place it is built: each such class words it itself.
describe('the sentences the error classes write themselves', () => {
  /** Placeholder arguments that leave the message out, for each class that writes its own. */
  const placeholders: Record<string, unknown[]> = {
    ValidationError: [[]],
    RequestShapeError: [[]],
    NotFoundError: ['opening', 'nurse-2026'],
    UnauthenticatedError: [],
    AccountDeletedError: ['2026-12-07T10:00:00.000Z'],
    PayloadTooLargeError: [1024],
    RateLimitedError: [60],
    QuizWaitError: [60],
  };
  const classes = classesWithOwnSentence();

  it('finds the classes that write their own sentence (the reading of errors.ts works)', () => {
    expect(classes).toEqual(expect.arrayContaining(['NotFoundError', 'UnauthenticatedError', 'QuizWaitError']));
    expect(classes).not.toContain('ConflictError');
  });

  it.each(classes)('%s says its own sentence in each language', (name) => {
    expect(placeholders, `give ${name} placeholder arguments here`).toHaveProperty(name);
    const ErrorClass = (errors as unknown as Record<string, new (...args: unknown[]) => errors.DomainError>)[name];
    const error = new (ErrorClass as new (...args: unknown[]) => errors.DomainError)(...(placeholders[name] ?? []));
    expect(error.wordsIn, name).toBeTypeOf('function');
    expect(error.wordsIn?.('en')).toBe(error.message);
    for (const locale of locales.filter((l) => l !== 'en')) {
      const words = error.wordsIn?.(locale) ?? '';
      expect(words, `${name} in ${locale}`).not.toBe(error.message);
      expect(words).not.toMatch(/undefined/);
    }
  });
});
