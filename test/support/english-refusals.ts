// The scan behind test/unit/i18n/refusals-worded.test.ts: every refusal built in functions/domain, app
// and http that carries no `wordsIn` and no literal a plain-words template reads back (so a Spanish or
// Dutch reader would get it in English). `npx node test/support/english-refusals.ts` prints the list.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { translatePlain } from '#domain/i18n/translate-plain.ts';

const root = join(import.meta.dirname, '../..');
/** The errors whose message reaches a reader: the API's problem `detail` and the site's forms. */
const refusals = new Set([
  'DomainError',
  'ValidationError',
  'RequestShapeError',
  'ConflictError',
  'RuleViolationError',
  'ForbiddenError',
  'UnauthenticatedError',
  'RateLimitedError',
  'QuizWaitError',
  'PayloadTooLargeError',
  'UnsupportedMediaTypeError',
  'NotConfiguredError',
]);

/** A rule's own helper that builds a field issue from a field and a sentence. */
const issueHelpers = /^(issue|refuse|refused|fieldIssue|issueAt)$/;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

/** A literal sentence that a plain-words template reads back, so Spanish and Dutch readers get it worded. */
const translated = (text: string) => translatePlain(text, 'es') !== text && translatePlain(text, 'nl') !== text;

interface Site {
  file: string;
  /** The sentence's first words (a template's `${…}` parts as they are written), or what builds it. */
  says: string;
}

const firstWords = (node: ts.Node, source: ts.SourceFile) => node.getText(source).replace(/\s+/g, ' ').slice(0, 80);

/** The refusals in one file that carry no `wordsIn` and no translatable literal. */
function englishIn(path: string): Site[] {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const file = relative(root, path);
  const found: Site[] = [];
  // `wordsIn` itself, or an i18n file's `…Words(refusal)` that returns the message and its `wordsIn`.
  const hasWordsIn = (node: ts.Node) => /\bwordsIn\b|\b[a-z]\w*Words\(/.test(node.getText(source));
  // No message (left out, or `undefined`): the class's own sentence, judged by `ownSentences` below.
  const judge = (message: ts.Expression | undefined, whole: ts.Node) => {
    if (hasWordsIn(whole) || (message && ts.isIdentifier(message) && message.text === 'undefined')) return;
    if (message && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) {
      if (!translated(message.text)) found.push({ file, says: message.text.slice(0, 80) });
      return;
    }
    if (message) found.push({ file, says: firstWords(message, source) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && refusals.has(node.expression.text)) {
      const name = node.expression.text;
      const args = node.arguments ?? [];
      // A ValidationError's sentence is its field issues' (judged as issues below) unless it is given one.
      if (name === 'ValidationError' || name === 'RequestShapeError') judge(args[1], node);
      else if (name === 'RuleViolationError') judge(args[1], node);
      else if (name === 'RateLimitedError' || name === 'QuizWaitError' || name === 'PayloadTooLargeError')
        judge(args[1], node);
      else judge(args[0], node);
    }
    // A field issue written out: `{ field: 'body.title', message: '…' }`, either property maybe shorthand.
    if (ts.isObjectLiteralExpression(node)) {
      const named = (key: string) =>
        node.properties.find(
          (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment =>
            (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
            ts.isIdentifier(p.name) &&
            p.name.text === key,
        );
      const field = named('field');
      const message = named('message');
      if (field && message && !hasWordsIn(node))
        judge(ts.isPropertyAssignment(message) ? message.initializer : message.name, message);
    }
    // A field issue built by a rule's own helper: `issue('body.x', 'sentence')`, `refuse(…)`, `refused(…)`.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && issueHelpers.test(node.expression.text)) {
      const [, message] = node.arguments;
      // A refusal given as its key and values (`{ key: 'min-days', values }`) is worded by the helper.
      if (message && !ts.isIdentifier(message) && !/\{\s*key\b/.test(message.getText(source))) judge(message, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export const scanned = ['functions/domain', 'functions/app', 'functions/http']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .filter((path) => !path.includes('/i18n/'));
export const englishRefusals = () => scanned.flatMap(englishIn);
export const key = (site: Site) => `${site.file} :: ${site.says}`;

/**
 * The classes of errors.ts that write a sentence of their own (errors.ts read by TypeScript's parser):
 * a constructor with no `message` parameter (NotFoundError's "No opening with id …"), or one whose
 * `message` may be left out (UnauthenticatedError's "Sign in to do this."), and every class that
 * extends one of them without a constructor of its own. Each reaches a reader as the problem's detail.
 */
export function classesWithOwnSentence(): string[] {
  const path = join(root, 'functions/domain/errors.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const parents = new Map<string, string | undefined>();
  /** Whether a class's own constructor writes its own sentence; a class without one is its parent's. */
  const own = new Map<string, boolean>();
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const name = statement.name.text;
    parents.set(name, statement.heritageClauses?.[0]?.types[0]?.expression.getText(source));
    const ctor = statement.members.find(ts.isConstructorDeclaration);
    if (!ctor) continue;
    const message = ctor.parameters.find((p) => p.name.getText(source) === 'message');
    own.set(name, !message || !!message.questionToken || !!message.initializer);
  }
  const writesOwn = (name: string | undefined): boolean =>
    name !== undefined && (own.get(name) ?? writesOwn(parents.get(name)));
  return [...parents.keys()].filter(writesOwn);
}

// What is still English, as `english-refusals.json` lists it (files left in English on purpose apart).
if (import.meta.main) {
  const { onPurpose } = JSON.parse(readFileSync(join(root, 'test/unit/i18n/english-refusals.json'), 'utf8'));
  const still = englishRefusals().filter((site) => !(site.file in onPurpose));
  console.log(JSON.stringify(still.map(key), null, 2));
}
