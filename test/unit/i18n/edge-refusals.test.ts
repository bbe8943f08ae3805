// The refusals every API function can give (i18n/edge-refusals.ts): a thing not found, sign in, a deleted
// account, too many requests, a body too large or not JSON, a cursor from elsewhere and the
// Idempotency-Key's, each in English, Spanish and Dutch; the English as the API has always answered.
import { describe, expect, it } from 'vitest';
import { type EdgeRefusal, edgeRefusalIn } from '#domain/i18n/edge-refusals.ts';
import { locales } from '#domain/i18n/locales.ts';
import {
  AccountDeletedError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from '#domain/errors.ts';
import { decodeCursor, encodeCursor } from '#domain/paging.ts';
import { searchOffset } from '#domain/search/search-page.ts';
import { thrown } from '../../support/thrown.ts';

const every: EdgeRefusal[] = [
  { key: 'not-found', values: { kind: 'opening', id: 'nurse-2026' } },
  { key: 'not-found', values: { kind: 'syndicate you administer', id: 'riverside' } },
  { key: 'deleted', values: { on: '2026-12-07T10:00:00.000Z' } },
  { key: 'too-large', values: { most: 1_048_576 } },
  { key: 'too-large', values: { most: 2 * 1024 * 1024, of: 'cv' } },
  { key: 'too-large', values: { most: 256 * 1024, of: 'activity' } },
  { key: 'too-large', values: { most: 1.5 * 1024 * 1024, of: 'photo' } },
  { key: 'cursor', values: { why: 'another list' } },
  { key: 'cursor', values: { why: 'damaged' } },
  { key: 'cursor', values: { why: 'not a cursor' } },
  { key: 'cursor', values: {} },
  { key: 'content-type', values: { type: 'text/plain' } },
  { key: 'content-type', values: { type: '' } },
  { key: 'sign-in' },
  { key: 'too-many' },
  { key: 'invalid' },
  { key: 'not-json' },
  { key: 'token', values: { why: 'future' } },
  { key: 'token', values: { why: 'audience' } },
  { key: 'token', values: { why: 'invalid' } },
  { key: 'key-shape' },
  { key: 'key-reused' },
  { key: 'key-busy' },
];

describe('the refusals every API function can give', () => {
  it('are worded in each language, each its own, never "undefined" or "Invalid Date"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => edgeRefusalIn(refusal, locale));
      expect(new Set(words).size, refusal.key).toBe(locales.length);
      for (const sentence of words) expect(sentence).not.toMatch(/undefined|Invalid Date|NaN/);
    }
  });

  it('name what was not found in the reader’s words, with its id', () => {
    const error = new NotFoundError('opening', 'nurse-2026');
    expect(error.message).toBe('No opening with id "nurse-2026".');
    expect(error.wordsIn?.('es')).toBe('No hay ninguna vacante con el id «nurse-2026».');
    expect(error.wordsIn?.('nl')).toBe('Er is geen vacature met id “nurse-2026”.');
    expect(new NotFoundError('syndicate', 'riverside').wordsIn?.('es')).toBe(
      'No hay ningún colectivo con el id «riverside».',
    );
  });

  it('write the day an account was deleted as the reader writes a date', () => {
    const error = new AccountDeletedError('2026-12-07T10:00:00.000Z');
    expect(error.message).toMatch(/^This account was deleted on 2026-12-07: /);
    expect(error.wordsIn?.('es')).toMatch(/^Esta cuenta se eliminó el 7 de diciembre de 2026: /);
    expect(error.wordsIn?.('nl')).toMatch(/^Dit account is op 7 december 2026 verwijderd: /);
  });

  it('say a body limit as the route names it, its size written in the reader’s numbers', () => {
    const photo = new PayloadTooLargeError(9_000_000, undefined, { says: { of: 'photo', most: 1.5 * 1024 * 1024 } });
    expect(photo.message).toBe('A photo may be at most 1.5 MB.');
    expect(photo.wordsIn?.('es')).toBe('Una foto puede ocupar como máximo 1,5 MB.');
    expect(photo.wordsIn?.('nl')).toBe('Een foto mag hoogstens 1,5 MB zijn.');
    const body = new PayloadTooLargeError(1_048_576);
    expect(body.message).toBe('The request body is larger than 1048576 bytes.');
    expect(body.wordsIn?.('es')).toBe('El cuerpo de la petición supera los 1.048.576 bytes.');
    expect(edgeRefusalIn({ key: 'too-large', values: { most: 256 * 1024, of: 'activity' } }, 'en')).toBe(
      'An activity may be at most 256 KB.',
    );
  });

  it('keep a message given in place of the class’s own, and its words', () => {
    const error = new RateLimitedError(30, 'Wait half a minute.', { wordsIn: () => 'Espera medio minuto.' });
    expect(error.message).toBe('Wait half a minute.');
    expect(error.wordsIn?.('es')).toBe('Espera medio minuto.');
    expect(new RateLimitedError(30).wordsIn?.('nl')).toBe('Te veel verzoeken; probeer het later opnieuw.');
    expect(new UnauthenticatedError().wordsIn?.('es')).toBe('Inicia sesión para hacer esto.');
    expect(new UnauthenticatedError('Your session ended.').wordsIn).toBeUndefined();
    expect(new ValidationError([]).wordsIn?.('nl')).toBe('Het verzoek heeft ongeldige velden.');
    expect(new ValidationError([{ field: 'body.title', message: 'Fill this in.' }]).wordsIn).toBeUndefined();
  });

  it('reach the cursors a list refuses, saying why', () => {
    const other = thrown(() => decodeCursor('x', { keys: ['offset'] }), ValidationError);
    const issue = other.issues[0];
    expect(issue?.message).toBe(
      'This cursor is not one this list gave out (not a cursor): start again from the first page.',
    );
    expect(issue?.wordsIn?.('es')).toBe(
      'Este cursor no pertenece a esta lista (no es un cursor): vuelve a empezar desde la primera página.',
    );
    const search = thrown(() => searchOffset(encodeCursor({ offset: -1 })), ValidationError);
    expect(search.issues[0]?.message).toBe(
      'This cursor is not one this list gave out: start again from the first page.',
    );
    expect(search.issues[0]?.wordsIn?.('nl')).toBe(
      'Deze cursor komt niet van deze lijst: begin opnieuw bij de eerste pagina.',
    );
  });
});
