// The JSON Schema `pattern` of a text rule, for the OpenAPI document: a regular expression that
// matches exactly the strings `text()` accepts, length aside (minLength and maxLength state that) and
// lone surrogates apart (see below), so an outside fuzzer (Schemathesis) can trust what the document
// says passes and what it says fails.
//
// The character classes are read off the same predicates the normaliser uses, for the Unicode
// version of the running Node, and written as explicit ranges (\uXXXX, and astral characters as
// themselves): ECMA-262 with the `u` flag, as JSON Schema asks, and Python's `re`, which Schemathesis
// uses, read them alike, where neither would agree on \p{…} properties.
import { type CharacterKind, characterKind, type TextRule } from './text.ts';

const sets = {
  refused: (kind: CharacterKind) => kind.refused,
  uncounted: (kind: CharacterKind) => !kind.counted,
  refusedOrBreak: (kind: CharacterKind) => kind.refused || kind.lineBreak,
  invisible: (kind: CharacterKind) => !kind.counted && !kind.refused,
  invisibleInLine: (kind: CharacterKind) => !kind.counted && !kind.refused && !kind.lineBreak,
  end: (kind: CharacterKind) => (kind.trimmed || kind.control) && !kind.refused,
};

type SetName = keyof typeof sets;

let ranges: Record<SetName, string> | undefined;

/** Each set as the inside of a character class; one pass over every code point, once. */
function classRanges(): Record<SetName, string> {
  if (ranges) return ranges;
  const names = Object.keys(sets) as SetName[];
  const tests = names.map((name) => sets[name]);
  const parts = names.map(() => '');
  const starts: Array<number | undefined> = names.map(() => undefined);
  const close = (index: number, end: number) => {
    const start = starts[index];
    if (start === undefined) return;
    parts[index] += start === end ? classCharacter(start) : `${classCharacter(start)}-${classCharacter(end)}`;
    starts[index] = undefined;
  };
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    // Surrogates are left out of every class: most validators (jsonschema-rs, which Schemathesis checks
    // patterns with, and any other that holds strings as UTF-8) cannot compile them, and no UTF-8 body
    // can carry one. So the pattern lets a lone surrogate through; `text()` refuses it (the description says so).
    const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    const kind = characterKind(codePoint);
    tests.forEach((test, index) => {
      if (surrogate || !test(kind)) close(index, codePoint - 1);
      else starts[index] ??= codePoint;
    });
  }
  for (const index of names.keys()) close(index, 0x10ffff);
  ranges = Object.fromEntries(names.map((name, index) => [name, parts[index]])) as Record<SetName, string>;
  return ranges;
}

/** A code point as written in a class: \uXXXX in the BMP; above it, the character itself (see the top). */
function classCharacter(codePoint: number): string {
  return codePoint > 0xffff ? String.fromCodePoint(codePoint) : `\\u${codePoint.toString(16).padStart(4, '0')}`;
}

/**
 * The pattern for a rule. One line: `^E*(?:I*V){min}L*E*$`, where E is what disappears from the ends,
 * I an invisible character other than a line break, V a visible one and L anything but a line break;
 * a long text: `^(?:I*V){min}A*$`, with I including line breaks and A anything. None of them holds a
 * refused character (but lone surrogates, see above). I and V never overlap, so the pattern cannot
 * backtrack badly.
 */
export function textPattern(rule: Pick<TextRule, 'min' | 'multiline'>): string {
  const sets = classRanges();
  const visible = `[^${sets.uncounted}]`;
  const counted = (invisible: string) => (rule.min > 0 ? `(?:[${invisible}]*${visible}){${rule.min}}` : '');
  if (rule.multiline) return `^${counted(sets.invisible)}[^${sets.refused}]*$`;
  const end = `[${sets.end}]*`;
  return `^${end}${counted(sets.invisibleInLine)}[^${sets.refusedOrBreak}]*${end}$`;
}
