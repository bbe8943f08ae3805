// The one normaliser every free-text field goes through (`functions/domain/text.ts`): what it keeps,
// removes, refuses and counts, one character class per row.
import { describe, expect, it } from 'vitest';
import { characterCount, normaliseText, text, visibleCount } from '#domain/text.ts';

const name = text(3, 80, { label: 'name' });
const description = text(3, 200, { multiline: true, label: 'description' });

const stored = (schema: typeof name, value: string) => {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`refused ${JSON.stringify(value)}: ${result.error.issues[0]?.message}`);
  return result.data;
};
const messages = (schema: typeof name, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('what a one-line text keeps', () => {
  it.each([
    ['NUL inside a word is removed', 'a\u0000bc', 'abc'],
    ['other C0 controls, DEL and C1 controls are removed', 'R\u0001i\u001Fv\u007Fe\u0085r\u009F', 'River'],
    ['vertical tab and form feed are removed, not made line breaks', 'ab\u000Bc\u000Cd', 'abcd'],
    ['a tab becomes a space', 'Bench\trepair', 'Bench repair'],
    ['spaces at both ends are trimmed', '  Riverside builders \u00A0', 'Riverside builders'],
    ['a line break at either end is trimmed', '\r\nRiverside\n', 'Riverside'],
    [
      'zero-width spaces, joiners, word joiner, BOM and soft hyphen at the ends are trimmed',
      '\u200B\u200C\u200D\u2060\uFEFF\u00ADRiverside\u200B\u00AD',
      'Riverside',
    ],
    ['a zero-width joiner inside an emoji sequence is kept', '👩\u200D🔧 Riverside', '👩\u200D🔧 Riverside'],
    ['a variation selector at the end is kept', 'Love ❤\uFE0F', 'Love ❤\uFE0F'],
    [
      'the tag characters that end a flag are kept',
      'Alba 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
      'Alba 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
    ],
    ['decomposed accents (NFD) are stored composed (NFC)', 'Zoe\u0308 Gime\u0301nez', 'Zoë Giménez'],
    ['an accent split from its letter by a NUL still composes', 'Zoe\u0000\u0308', 'Zoë'],
    ['Hebrew with a right-to-left mark is kept as typed', 'שלום\u200F 2026', 'שלום\u200F 2026'],
    ['Arabic is kept as typed', 'تعاونية النجارين', 'تعاونية النجارين'],
  ])('%s', (_title, sent, expected) => {
    expect(stored(name, sent)).toBe(expected);
  });
});

describe('what a long text keeps', () => {
  it.each([
    ['line breaks are kept as \\n', 'One.\nTwo.', 'One.\nTwo.'],
    ['CR LF and a lone CR become \\n', 'One.\r\nTwo.\rThree.', 'One.\nTwo.\nThree.'],
    ['the Unicode line and paragraph separators become \\n', 'One.\u2028Two.\u2029Three.', 'One.\nTwo.\nThree.'],
    ['tabs become spaces', 'Step\tone', 'Step one'],
    ['NUL and other controls are removed', 'a\u0000b\u0007c\u001Bd', 'abcd'],
    ['blank lines at either end are trimmed', '\n\n  Body text.  \n\n', 'Body text.'],
  ])('%s', (_title, sent, expected) => {
    expect(stored(description, sent)).toBe(expected);
  });
});

describe('what the normaliser refuses, with a message a person can act on', () => {
  it.each([
    ['RIGHT-TO-LEFT OVERRIDE', 'Invoice \u202Efdp.exe', 'U+202E'],
    ['LEFT-TO-RIGHT EMBEDDING', '\u202ARiverside', 'U+202A'],
    ['POP DIRECTIONAL FORMATTING', 'Riverside\u202C', 'U+202C'],
    ['RIGHT-TO-LEFT ISOLATE', 'River\u2067side', 'U+2067'],
    ['POP DIRECTIONAL ISOLATE', 'River\u2069side', 'U+2069'],
  ])('refuses the direction control %s', (_title, sent, codePoint) => {
    const [message] = messages(name, sent);
    expect(message).toContain('direction-control characters');
    expect(message).toContain(codePoint);
    expect(message).toContain('remove them');
  });

  it('refuses direction controls in long text too', () => {
    expect(messages(description, 'Line one\n\u2066Line two\u2069')[0]).toContain('U+2066, U+2069');
  });

  it.each([
    ['a lone high surrogate', 'ab\uD800c'],
    ['a lone low surrogate', 'abc\uDC00'],
    ['two surrogates in the wrong order', 'ab\uDC00\uD800c'],
  ])('refuses %s as a broken character', (_title, sent) => {
    expect(messages(name, sent)).toEqual([
      'The name contains a broken character (an unpaired UTF-16 surrogate); type or paste the text again.',
    ]);
  });

  it.each([
    ['\\n', 'Riverside\nbuilders'],
    ['CR', 'Riverside\rbuilders'],
    ['U+2028', 'Riverside\u2028builders'],
  ])('refuses a line break (%s) inside a one-line text rather than gluing the words together', (_title, sent) => {
    expect(messages(name, sent)).toEqual(['The name must be a single line; remove the line break.']);
  });
});

describe('counting towards the minimum', () => {
  it.each([
    ['three zero-width spaces', '\u200B\u200B\u200B'],
    ['zero-width joiners, word joiners and BOMs', '\u200D\u2060\uFEFF\u200C'],
    ['soft hyphens', '\u00AD\u00AD\u00AD'],
    ['other default-ignorable code points (Hangul fillers, a Mongolian vowel separator)', '\u3164\u115F\uFFA0\u180E'],
    ['no-break, ideographic and other spaces', '\u00A0\u3000\u2003\u205F'],
    ['blank Braille cells', '\u2800\u2800\u2800'],
    ['direction marks', '\u200E\u200F\u061C'],
    ['a single letter padded with invisible characters', '\u200Ba\u200B\u200B'],
    ['a letter with two combining accents', 'a\u0301\u0302'],
    ['two letters and a skin-tone modifier', 'ab\u{1F3FD}'],
  ])('a name of %s fails its 3-character minimum', (_title, sent) => {
    expect(messages(name, sent)).toContain(
      'The name needs at least 3 visible characters; spaces and invisible characters do not count.',
    );
  });

  it.each([
    ['three emoji (six UTF-16 units) count as 3', '👍👍👍', 3],
    ['three emoji with skin tones count as 3', '👍🏽👍🏾👍🏿', 3],
    ['"Zoë" typed decomposed counts as 3', 'Zoe\u0308', 3],
    ['"Zoë" typed composed counts as 3', 'Zoë', 3],
    ['three letters with stacked combining marks count as 3', 'q\u0307\u0323x\u0301y\u0300', 3],
    ['a Hangul syllable typed as its three jamo counts as 1', '\u1100\u1161\u11A8', 1],
    ['Hebrew with vowel points counts its 4 letters', 'שָׁלוֹם', 4],
    ['a Persian word with a zero-width non-joiner counts its 7 letters', 'می\u200Cخواهم', 7],
  ])('%s', (_title, sent, count) => {
    expect(visibleCount(normaliseText(sent))).toBe(count);
  });

  it('counts the same text the same, composed or decomposed, for every code point', () => {
    const differences: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      const counts = [character, character.normalize('NFC'), character.normalize('NFD')].map(visibleCount);
      if (new Set(counts).size > 1) differences.push(`U+${codePoint.toString(16)}: ${counts.join('/')}`);
    }
    expect(differences).toEqual([]);
  });

  it('lets a 3-character name of three visible characters through', () => {
    expect(stored(name, ' \u200BAda\u200B ')).toBe('Ada');
  });

  it('takes no minimum when the minimum is 0: an optional note may be empty or blank', () => {
    expect(stored(text(0, 20, { multiline: true }), '\u200B \n')).toBe('');
  });
});

describe('the maximum', () => {
  it('counts an emoji as one character, as JSON Schema does', () => {
    expect(stored(text(1, 3), '👍👍👍')).toBe('👍👍👍');
    expect(messages(text(1, 3, { label: 'name' }), '👍👍👍👍')).toEqual([
      'The name can have at most 3 characters; it has 4.',
    ]);
  });

  it('counts invisible characters: they are stored', () => {
    expect(messages(text(1, 5, { label: 'unit' }), 'ab\u200B\u200B\u200Bcd')).toEqual([
      'The unit can have at most 5 characters; it has 7.',
    ]);
  });

  it('applies to what is stored when NFC makes it longer than what was sent', () => {
    // U+0958 DEVANAGARI LETTER QA is excluded from composition: NFC stores it as two code points.
    expect(characterCount('\u0958'.normalize('NFC'))).toBe(2);
    expect(messages(text(1, 3, { label: 'word' }), '\u0958\u0958')).toEqual([
      'The word can have at most 3 characters; it has 4 once normalised.',
    ]);
  });
});
