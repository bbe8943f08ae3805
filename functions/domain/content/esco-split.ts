// Splits one text of the ESCO skill extractor into a display label and a description. The extractor
// ships, per concept, one column that runs the preferred label, the alternative labels and the
// description together with single spaces and nothing else between them. Nothing marks where one
// label ends, so the split is a heuristic, learned from the corpus itself (README, "ESCO"):
//  1. The description starts at the first capitalised word that opens a sentence: an article or
//     determiner ("The", "A", "This"), or a word that opens some concept's text in lower case ("Manage",
//     "Metal") and does not follow another capitalised word (so "Adobe Photoshop" stays a name).
//  2. The label run is cut into labels by dynamic programming: each label scores how often its first
//     word starts a label and its last word ends one (log-odds, counted over every text's label run and
//     the playground's exact labels), a bonus when it ends on the run's last word (alternatives share the
//     head noun: "design cloud architecture … engineer cloud architecture") and when it opens on the
//     run's first word again ("manage musical staff manage staff of music"), less a cost per label.
//     The preferred label is the first one. Weights were tuned on the 950 concepts whose preferred label
//     the playground knows, in two folds (README, "ESCO").
//  3. An ISCO group repeats its title as the description's subject ("Dentists Dentists diagnose …"), so
//     its label is the longest prefix that is immediately repeated.

const determiners = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'any', 'all', 'each', 'in', 'to', 'for']);

/** What the split learns from the corpus: words that open texts, and how often a word starts a label. */
export interface EscoLexicon {
  /** Lower-case words that open some concept's text, as that text writes them in lower case. */
  openers: ReadonlySet<string>;
  /** Per lower-case word: how often it starts a label, ends one, and appears in a label run. */
  starts: ReadonlyMap<string, number>;
  ends: ReadonlyMap<string, number>;
  seen: ReadonlyMap<string, number>;
}

const bare = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}-]+$/u, '');
const trimmed = (word: string) => word.replace(/[^\p{L}\p{N}-]+$/u, '');
const capitalised = (word: string) => /^\p{Lu}/u.test(word);
const titleCase = (word: string) => /^\p{Lu}\p{Ll}/u.test(word) || /^(A|I)$/.test(word);

/** Where the description starts in `words` (its length when the whole text is labels). */
export function descriptionStart(words: readonly string[], lexicon: EscoLexicon): number {
  const candidates: number[] = [];
  for (let i = 1; i < words.length; i++) if (titleCase(words[i] as string)) candidates.push(i);
  const opens = (i: number) => {
    const word = bare(words[i] as string);
    // After a name that follows a lower-case word ("… in Estonian Communicate orally …").
    const after =
      !capitalised(words[i - 1] as string) || (i >= 2 && name(i - 1) && !capitalised(words[i - 2] as string));
    return determiners.has(word) || (lexicon.openers.has(word) && after);
  };
  // A capitalised word the text repeats after a lower-case word is a name ("interact verbally in Estonian
  // speak Estonian … be able to …"), not a sentence's first word.
  const name = (i: number) =>
    words.some(
      (word, k) =>
        k > i && trimmed(word) === trimmed(words[i] as string) && /^\p{Ll}.*[^.!?:;]$/u.test(words[k - 1] as string),
    );
  const sentence = candidates.find(opens) ?? candidates.find((i) => !capitalised(words[i - 1] as string) && !name(i));
  return sentence ?? candidates.find((i) => !name(i)) ?? words.length;
}

const joins = new Set(['of', 'in', 'and', 'or', 'the', 'a', 'an', 'for', 'to', 'with', 'on', 'at', 'by', 'from']);

/** A word no label ends on: one that joins, or one with a comma. */
const endsBadly = (word: string) => joins.has(bare(word)) || word.endsWith(',');

const weights = { end: 0.5, head: 4, again: 8, perLabel: -3 };

/** How many of the label run's words make the preferred label (the first label of the best cut). */
export function preferredLength(labels: readonly string[], lexicon: EscoLexicon): number {
  const n = labels.length;
  if (n <= 1) return n;
  const odds = (counts: ReadonlyMap<string, number>, word: string) => {
    const all = lexicon.seen.get(bare(word)) ?? 0;
    const hits = counts.get(bare(word)) ?? 0;
    return Math.log((hits + 0.5) / (all - hits + 0.5));
  };
  const head = bare(labels[n - 1] as string);
  // "prepare" → "prepar", so "preparing" counts as the first word again.
  const first = bare(labels[0] as string).replace(/e$/, '');
  // One label does not repeat a content word ("products of tobacco" follows "tobacco products") nor end
  // on a word that joins ("of", "in"); a later label that opens on the first word's form ("tending"
  // after "tend …") is another label.
  const opened = (i: number, j: number) => {
    let depth = 0;
    for (let k = i; k < j; k++)
      depth += ((labels[k] as string).match(/\(/g)?.length ?? 0) - ((labels[k] as string).match(/\)/g)?.length ?? 0);
    return depth > 0;
  };
  const valid = (i: number, j: number) => {
    const last = bare(labels[j - 1] as string);
    // Nor on a word seen often in label runs but never at a label's end ("senior" in "credit manager senior credit officer").
    if (joins.has(last) || (!lexicon.ends.has(last) && (lexicon.seen.get(last) ?? 0) >= 20)) return false;
    // Nor on a comma ("browse, search and filter data, information and digital content"), nor before
    // a bracketed qualifier, which belongs to it ("Java (computer programming)"), nor inside one.
    const raw = labels[j - 1] as string;
    if (raw.endsWith(',') || (labels[j] ?? '').startsWith('(') || opened(i, j)) return false;
    const words = new Set<string>();
    for (let k = i; k < j; k++) {
      // "by-products … by-product", "pest biology … of pests": a plural repeats its word too.
      const word = bare(labels[k] as string).replace(/(?<=\p{L}{3})s$/u, '');
      if (word.length > 3 && words.has(word)) return false;
      words.add(word);
    }
    return true;
  };
  const again = (i: number) => i > 0 && first.length > 2 && bare(labels[i] as string).startsWith(first);
  const score = (i: number, j: number) =>
    valid(i, j)
      ? odds(lexicon.starts, labels[i] as string) +
        weights.end * odds(lexicon.ends, labels[j - 1] as string) +
        (bare(labels[j - 1] as string) === head ? weights.head : 0) +
        (again(i) ? weights.again : 0) -
        weights.perLabel
      : -1000; // not impossible: a run with no valid cut must still be cut somewhere
  // best[j]: the best score of cutting the first j words into labels; from[j]: where its last label starts.
  const best = new Array<number>(n + 1).fill(Number.NEGATIVE_INFINITY);
  const from = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let i = Math.max(0, j - 14); i < j; i++) {
      const value = (best[i] as number) + score(i, j);
      if (value > (best[j] as number)) {
        best[j] = value;
        from[j] = i;
      }
    }
  }
  let end = n;
  while ((from[end] as number) > 0) end = from[end] as number;
  return end;
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

/** A word of a description that names the label's last word in the plural ("Meat cutters cut …"). */
const plural = (described: string, label: string) => {
  const d = bare(described);
  const l = bare(label);
  return d === `${l}s` || d === `${l}es` || d === l.replace(/man$/, 'men') || d === l.replace(/y$/, 'ies');
};

/**
 * How many of the label run's words the description names as its subject, when it opens on them: an
 * occupation's description opens on its preferred label in the plural ("gaming dealer game operator …
 * Gaming dealers operate …"), which ends the label where the alternatives run on ("Import export specialists in watches …" too). 0
 * when it does not.
 */
export function namedSubject(labels: readonly string[], description: readonly string[]): number {
  for (let k = Math.min(labels.length, description.length); k >= 1; k--) {
    let plurals = 0;
    let same = true;
    for (let i = 0; i < k && same; i++) {
      const [d, l] = [description[i] as string, labels[i] as string];
      if (plural(d, l)) plurals++;
      else same = bare(d) === bare(l);
    }
    if (same && plurals > 0) return k;
  }
  return 0;
}

/**
 * How many of the label run's words the description's first sentence names in a row, when that is more
 * than `k` ("Apache Maven Maven The tool Apache Maven is …": the label is "Apache Maven", not "Apache").
 */
export function namedLabel(labels: readonly string[], description: readonly string[], k: number): number {
  const sentence = description.slice(0, 20).map((word) => word.toLowerCase());
  const run = labels.map((word) => word.toLowerCase());
  let longest = k;
  for (let s = 0; s < sentence.length; s++) {
    let n = 0;
    // A label does not repeat a word ("DB2 DB2 Universal Database …" is two labels).
    while (
      n < run.length &&
      sentence[s + n] === run[n] &&
      (joins.has(run[n] as string) || !run.slice(0, n).includes(run[n] as string))
    )
      n++;
    while (n > 0 && endsBadly(labels[n - 1] as string)) n--;
    if (n > longest) longest = n;
  }
  return longest;
}

/**
 * Corrects the cut's first label at its edges: a last word that opens the next label, as the run goes on
 * with the label's own words but not that one ("initiate contact with sellers inaugurate contact with
 * sellers …"; not "… treatment records aquaculture treatment records"), belongs to that label; a first label that is one word only ever seen opening labels, a verb ("use squaring
 * pole …"), takes the next label as its object.
 */
export function trimmedLength(labels: readonly string[], k: number, lexicon: EscoLexicon): number {
  const same = (a: number, b: number) => bare((labels[a] ?? '') as string) === bare((labels[b] ?? '') as string);
  const repeatsLast = labels.slice(k, 2 * k - 1).some((_, i) => same(k + i, k - 1));
  if (k > 3 && same(k, 1) && same(k + 1, 2) && !repeatsLast) return k - 1;
  const first = bare(labels[0] ?? '');
  // A common verb: opens 50 labels or more, ends fewer than one in twenty of those ("spiritualism animism"
  // is a noun and its synonym).
  const opens = lexicon.starts.get(first) ?? 0;
  const verb = /^\p{Ll}/u.test(labels[0] ?? '') && opens >= 50 && (lexicon.ends.get(first) ?? 0) * 20 < opens;
  if (k === 1 && labels.length > 1 && verb) {
    return 1 + preferredLength(labels.slice(1), lexicon);
  }
  return k === 1 ? Math.max(1, recurringPrefix(labels)) : k;
}

/**
 * The longest prefix of two words or more that the run repeats later, its first word in any form
 * ("report facts detail the facts … reporting facts", "review construction projects … reviewing
 * construction projects", "animal positions … animal position"): one word alone, it would stop short. 0 when none recurs, or the run opens on a
 * name ("Christianity christian beliefs … religion of christianity christian religion").
 */
const singular = (word: string) => bare(word).replace(/(?<=\p{L}{3})s$/u, '');

export function recurringPrefix(labels: readonly string[]): number {
  const stem = bare(labels[0] ?? '').replace(/e$/, '');
  let longest = 0;
  for (let p = 2; p < labels.length; p++) {
    if (stem.length < 3 || !/^\p{Ll}/u.test(labels[0] ?? '') || !bare(labels[p] as string).startsWith(stem)) continue;
    let m = 1;
    // It does not take its own first word again ("sanding techniques sanding skills … sanding technique").
    const more = (m: number) =>
      !bare(labels[m] as string).startsWith(stem) &&
      singular(labels[p + m] as string) === singular(labels[m] as string);
    while (m < p && p + m < labels.length && more(m)) m++;
    // Nor does it end on a word that joins or a comma ("hydraulics field of hydraulic … hydraulics field of").
    while (m > 1 && endsBadly(labels[m - 1] as string)) m--;
    if (m >= 2 && m > longest) longest = m;
  }
  return longest;
}

/**
 * How many words an ISCO group's title has: the description repeats it as its subject, exactly
 * ("Dentists Dentists diagnose …") or nearly ("… heads of village Traditional chiefs and heads of villages
 * perform …": up to its first word again), unless a sentence opens on a determiner first: then the title
 * runs to it ("… not elsewhere classified This unit group covers … Minor Group 815: Textile, …"); else it
 * is the first word ("Fire-fighters Firefighters prevent …").
 */
export function iscoTitleLength(words: readonly string[], lexicon: EscoLexicon): number {
  const exact = repeatedPrefix(words);
  if (exact > 0) return exact;
  const start = descriptionStart(words, lexicon);
  const title = words.slice(0, start);
  const short = start <= 14 && !title.some((word) => /[.;:]$/.test(word));
  if (start < words.length && short && determiners.has(bare(words[start] as string))) return start;
  const again = words.indexOf(words[0] as string, 1);
  const near = again > 0 && again <= 14 && bare(words[again + 1] ?? '') === bare(words[1] ?? '');
  return near ? again : Math.min(words.length, 1);
}

export type EscoKind = 'skill' | 'occupation' | 'isco';

/** Splits one extractor text; an ISCO group's text and an occupation's have shapes of their own. */
export function splitEscoText(text: string, lexicon: EscoLexicon, kind: EscoKind = 'skill'): SplitText {
  const words = text.split(/\s+/).filter(Boolean);
  if (kind === 'isco') {
    const k = iscoTitleLength(words, lexicon);
    return { label: words.slice(0, k).join(' '), otherLabels: '', description: words.slice(k).join(' ') };
  }
  const start = descriptionStart(words, lexicon);
  const labels = words.slice(0, start);
  const description = words.slice(start);
  const subject = kind === 'occupation' ? namedSubject(labels, description) : 0;
  const k =
    subject || namedLabel(labels, description, trimmedLength(labels, preferredLength(labels, lexicon), lexicon));
  return {
    label: labels.slice(0, k).join(' '),
    otherLabels: labels.slice(k).join(' '),
    description: description.join(' '),
  };
}

/** Learns the lexicon from every text's label run and from labels known exactly (the playground's). */
export function learnLexicon(texts: readonly string[], exactLabels: readonly string[]): EscoLexicon {
  const openers = new Set<string>();
  for (const text of texts) {
    const first = text.split(/\s+/, 1)[0] ?? '';
    if (/^\p{Ll}/u.test(first)) openers.add(bare(first));
  }
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  const seen = new Map<string, number>();
  const add = (counts: Map<string, number>, word: string) => counts.set(bare(word), (counts.get(bare(word)) ?? 0) + 1);
  const count = (words: readonly string[]) => {
    if (words.length === 0) return;
    add(starts, words[0] as string);
    add(ends, words[words.length - 1] as string);
    for (const word of words) add(seen, word);
  };
  const bootstrap: EscoLexicon = { openers, starts, ends, seen };
  for (const text of texts) {
    const words = text.split(/\s+/).filter(Boolean);
    count(words.slice(0, descriptionStart(words, bootstrap)));
  }
  for (const label of exactLabels) count(label.split(/\s+/).filter(Boolean));
  return bootstrap;
}
