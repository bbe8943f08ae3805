// Text a person types, normalised in one place for every free-text field of every schema: the API's
// bodies, the site's forms (which parse with the same schemas) and the demo data.
//
// What is kept is what a reader will see. Unicode NFC, so "é" typed as e + combining accent is the
// same text as the precomposed "é"; control characters are removed (a long text keeps its line
// breaks, as \n); tabs become spaces; spaces and invisible characters are trimmed from both ends.
// Two kinds of character are refused rather than removed, because removing them would silently
// change what the person meant and they never come from typing: direction overrides, embeddings and
// isolates (U+202A–U+202E, U+2066–U+2069), which make text display in another order than it is stored
// (the "Trojan Source" trick), and unpaired UTF-16 surrogates, which are not characters at all.
// The direction marks U+200E, U+200F and U+061C are kept: they only settle the direction of
// neighbouring punctuation and digits in mixed Hebrew/Arabic and Latin text, cannot reorder a word,
// and people writing in those scripts need them. They are invisible, so they do not count.
//
// A minimum counts visible characters: spaces, invisible characters (zero-width spaces and joiners,
// word joiner, byte-order mark, soft hyphen, every other default-ignorable code point), format and
// control characters, combining marks and emoji skin-tone modifiers do not count, so "e" + accent is
// one character, a thumbs-up with a skin tone is one, and three zero-width spaces are none. (A flag
// is two regional indicators and counts two; the minimum is there to refuse empty and invisible text,
// not to weigh emoji.) A maximum counts characters (code points, as JSON Schema's maxLength does),
// both as sent and as stored, so the OpenAPI document states it exactly and no normalisation can
// store more than it allows.
//
// Leading and trailing spaces are trimmed, not refused: the site's forms always trimmed them, and an
// API client that sends "Riverside " should get what the form would give. A line break inside short
// text (a name, a title, a place) is refused, not removed: browsers drop them from one-line inputs, so
// only an API client can send one, and joining the lines would glue two words together unseen.
import * as z from 'zod/mini';
import { plural } from './plain-words.ts';

export interface TextOptions {
  /** Long text (descriptions, notes): keeps line breaks. Short text is one line. */
  multiline?: boolean;
  /** What the messages call the field: "The name needs at least 3 visible characters". */
  label?: string;
}

/** The rule a text field follows; the OpenAPI document is generated from it. */
export interface TextRule {
  min: number;
  max: number;
  multiline: boolean;
}

/** Every text schema `text()` makes, with its rule: how the OpenAPI document finds and describes them. */
export const textRules = z.registry<TextRule>();

const directionControl = /[\u202A-\u202E\u2066-\u2069]/u;
const directionControls = /[\u202A-\u202E\u2066-\u2069]/gu;
const lineBreaks = /\r\n?|[\u2028\u2029]/g;
const control = /\p{Cc}/u;
const controlsButNewline = /[^\P{Cc}\n]/gu;
// Not a visible character of their own (see the file's opening comment). Besides the marks, three
// runs of letters behave as marks, joining the letter before them (and NFC composes them with it, so
// counting them would count "the same" text differently): Hangul medial vowels and final consonants,
// and the Kirat Rai vowel signs. U+2800, the blank Braille cell, shows nothing either.
const uncountedClass =
  '[\\p{Cc}\\p{Cf}\\p{White_Space}\\p{Default_Ignorable_Code_Point}\\p{M}\\p{Emoji_Modifier}\\u1160-\\u11FF\\uD7B0-\\uD7FF\\u{16D63}-\\u{16D6A}\\u2800]';
const uncounted = new RegExp(uncountedClass, 'u');
const uncountedAll = new RegExp(uncountedClass, 'gu');
const blank = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/u;
// Kept at the ends although invisible: marks (a variation selector ends "❤️") and tag characters
// (they end the flag of Scotland).
const keptAtEnds = /[\p{M}\u{E0020}-\u{E007F}]/u;

/** What the normaliser does with a code point; the OpenAPI pattern is read off the same answers. */
export interface CharacterKind {
  /** Refused anywhere: a direction control or a lone surrogate. */
  refused: boolean;
  /** Counts towards a minimum. */
  counted: boolean;
  /** Trimmed from the ends (controls are removed everywhere before that). */
  trimmed: boolean;
  /** Removed everywhere (but \n, which a long text keeps and a one-line text refuses). */
  control: boolean;
  /** Refused inside a one-line text (CR and the Unicode separators become \n first). */
  lineBreak: boolean;
}

export function characterKind(codePoint: number): CharacterKind {
  const character = String.fromCodePoint(codePoint);
  const refused = (codePoint >= 0xd800 && codePoint <= 0xdfff) || directionControl.test(character);
  return {
    refused,
    counted: !refused && !uncounted.test(character),
    trimmed: !refused && blank.test(character) && !keptAtEnds.test(character),
    control: control.test(character),
    lineBreak: codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x2028 || codePoint === 0x2029,
  };
}

/** Characters as a person and JSON Schema count them: code points, so an emoji is one, not two. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** Visible characters: what a minimum counts. */
export function visibleCount(value: string): number {
  return characterCount(value.replace(uncountedAll, ''));
}

/**
 * The text as it is stored (see the opening comment). Line breaks survive as \n in both kinds of text:
 * a one-line text that still holds one once trimmed is refused by `text()`, not glued together.
 */
export function normaliseText(value: string): string {
  const lines = value.replace(lineBreaks, '\n').replaceAll('\t', ' ');
  // Controls go before NFC, so an accent separated from its letter by a NUL still composes with it.
  return trimEnds(lines.replace(controlsButNewline, '').normalize('NFC'));
}

function trimEnds(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end) {
    const codePoint = value.codePointAt(start) ?? 0;
    if (!characterKind(codePoint).trimmed) break;
    start += codePoint > 0xffff ? 2 : 1;
  }
  while (end > start) {
    const low = value.charCodeAt(end - 1);
    const paired = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start;
    const codePoint = paired ? (value.codePointAt(end - 2) ?? low) : low;
    if (!characterKind(codePoint).trimmed) break;
    end -= codePoint > 0xffff ? 2 : 1;
  }
  return value.slice(start, end);
}

const codePointName = (character: string) =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A free-text field: normalised as the opening comment says, between `min` visible and `max`
 * characters. Every free-text field of every schema is made here.
 */
export function text(min: number, max: number, options: TextOptions = {}) {
  const rule: TextRule = { min, max, multiline: options.multiline ?? false };
  const name = `The ${options.label ?? 'text'}`;
  const schema = z.string().check(
    (ctx) => {
      const refuse = (message: string) =>
        ctx.issues.push({ code: 'custom', message, input: ctx.value, continue: false });
      const directions = [...new Set(ctx.value.match(directionControls) ?? [])];
      if (directions.length > 0) {
        refuse(
          `${name} contains invisible direction-control characters (${directions.map(codePointName).join(', ')}) that make text display in another order than it is written; remove them.`,
        );
      } else if (!ctx.value.isWellFormed()) {
        refuse(`${name} contains a broken character (an unpaired UTF-16 surrogate); type or paste the text again.`);
      } else if (characterCount(ctx.value) > max) {
        refuse(`${name} can have at most ${plural(max, 'character')}; it has ${characterCount(ctx.value)}.`);
      }
    },
    z.overwrite(normaliseText),
    (ctx) => {
      const problem = (message: string) => ctx.issues.push({ code: 'custom', message, input: ctx.value });
      if (!rule.multiline && ctx.value.includes('\n')) {
        problem(`${name} must be a single line; remove the line break.`);
      }
      if (visibleCount(ctx.value) < min) {
        problem(
          `${name} needs at least ${plural(min, 'visible character')}; spaces and invisible characters do not count.`,
        );
      }
      // Only NFC's rare expansions (U+0958 is two characters in NFC) can make what is kept longer than what was sent.
      if (characterCount(ctx.value) > max) {
        problem(
          `${name} can have at most ${plural(max, 'character')}; it has ${characterCount(ctx.value)} once normalised.`,
        );
      }
    },
  );
  textRules.add(schema, rule);
  return schema;
}
