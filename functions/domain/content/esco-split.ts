// Splits one text of the ESCO skill extractor into a display label and a description. The extractor
// ships, per concept, one column that runs the preferred label, the alternative labels and the
// description together with single spaces and nothing else between them. Nothing marks where one
// label ends, so the split is a heuristic, learned from the corpus itself (README, "ESCO"):
//  1. The description starts at the first capitalised word that opens a sentence: an article or
//     determiner ("The", "A", "This"), or a word that opens some concept's text in lower case ("Manage",
//     "Metal") and does not follow another capitalised word (so "Adobe Photoshop" stays a name).
//  2. The preferred label ends before the first later word that starts labels much more often than it
//     appears inside them (a verb such as "maintain" or "preserve", learned from how the texts begin and
//     from the playground's exact labels), or, when there is none, at the first occurrence of the label
//     run's last word (alternatives end with the same head noun: "incremental development …
//     development").
//  3. An ISCO group repeats its title as the description's subject ("Dentists Dentists diagnose …"), so
//     its label is the longest prefix that is immediately repeated.

const determiners = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'any', 'all', 'each', 'in', 'to', 'for']);

/** What the split learns from the corpus: words that open texts, and how often a word starts a label. */
export interface EscoLexicon {
  /** Lower-case words that open some concept's text, as that text writes them in lower case. */
  openers: ReadonlySet<string>;
  /** Stems that start a label at least `startRatio` of the times they appear in label runs. */
  labelStarts: ReadonlySet<string>;
}

const bare = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}-]+$/u, '');
/** Five letters join the forms of a verb ("assess", "assessing") and a noun's plural. */
const stem = (word: string) => bare(word).slice(0, 5);
const capitalised = (word: string) => /^\p{Lu}/u.test(word);
const titleCase = (word: string) => /^\p{Lu}\p{Ll}/u.test(word) || /^(A|I)$/.test(word);

/** Where the description starts in `words` (its length when the whole text is labels). */
export function descriptionStart(words: readonly string[], lexicon: EscoLexicon): number {
  const candidates: number[] = [];
  for (let i = 1; i < words.length; i++) if (titleCase(words[i] as string)) candidates.push(i);
  const opens = (i: number) => {
    const word = bare(words[i] as string);
    return determiners.has(word) || (lexicon.openers.has(word) && !capitalised(words[i - 1] as string));
  };
  const sentence = candidates.find(opens) ?? candidates.find((i) => !capitalised(words[i - 1] as string));
  return sentence ?? candidates[0] ?? words.length;
}

/** How many of the label run's words make the preferred label. */
export function preferredLength(labels: readonly string[], lexicon: EscoLexicon): number {
  for (let k = 1; k < labels.length; k++) {
    const next = stem(labels[k] as string);
    if (lexicon.labelStarts.has(next) && next !== stem(labels[k - 1] as string)) return k;
  }
  const head = bare(labels[labels.length - 1] ?? '');
  for (let k = 1; k < labels.length - 1; k++) if (bare(labels[k - 1] as string) === head) return k;
  return labels.length;
}

/** The longest prefix of `words` that is immediately repeated (an ISCO group's title), or 0. */
export function repeatedPrefix(words: readonly string[]): number {
  for (let k = Math.floor(words.length / 2); k >= 1; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = words[i] === words[k + i];
    if (same) return k;
  }
  return 0;
}

export interface SplitText {
  label: string;
  /** The alternative labels, run together as the source has them (empty when there are none). */
  otherLabels: string;
  description: string;
}

/** Splits one extractor text; `isco` for an ISCO group, whose text has its own shape. */
export function splitEscoText(text: string, lexicon: EscoLexicon, isco = false): SplitText {
  const words = text.split(/\s+/).filter(Boolean);
  if (isco) {
    const k = repeatedPrefix(words) || Math.min(words.length, 1);
    return { label: words.slice(0, k).join(' '), otherLabels: '', description: words.slice(k).join(' ') };
  }
  const start = descriptionStart(words, lexicon);
  const labels = words.slice(0, start);
  const k = preferredLength(labels, lexicon);
  return {
    label: labels.slice(0, k).join(' '),
    otherLabels: labels.slice(k).join(' '),
    description: words.slice(start).join(' '),
  };
}

/**
 * Learns the lexicon from every text and from labels known exactly (the playground's). A stem is a label
 * start when it opens a label at least `startRatio` of the times it appears in a label run.
 */
export function learnLexicon(texts: readonly string[], exactLabels: readonly string[], startRatio = 0.1): EscoLexicon {
  const openers = new Set<string>();
  for (const text of texts) {
    const first = text.split(/\s+/, 1)[0] ?? '';
    if (/^\p{Ll}/u.test(first)) openers.add(bare(first));
  }
  const starts = new Map<string, number>();
  const seen = new Map<string, number>();
  const count = (words: readonly string[]) => {
    if (words.length === 0) return;
    const first = stem(words[0] as string);
    starts.set(first, (starts.get(first) ?? 0) + 1);
    for (const word of words) seen.set(stem(word), (seen.get(stem(word)) ?? 0) + 1);
  };
  const bootstrap: EscoLexicon = { openers, labelStarts: new Set() };
  for (const text of texts) {
    const words = text.split(/\s+/).filter(Boolean);
    count(words.slice(0, descriptionStart(words, bootstrap)));
  }
  for (const label of exactLabels) count(label.split(/\s+/).filter(Boolean));
  const labelStarts = new Set<string>();
  for (const [word, n] of starts) if (n >= 2 && n / (seen.get(word) ?? n) >= startRatio) labelStarts.add(word);
  return { openers, labelStarts };
}
