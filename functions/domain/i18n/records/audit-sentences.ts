// Where an audit of the registry log breaks (innovations/audit-log.ts `describeAudit`), in each language.
// The audit returns its finding as data (the problem and its entry, sizes or hashes); `describeAudit`
// says it in English (for `npm run verify-log`), the registry log page in the reader's language. Kept
// apart from the site's catalogue, as problem-titles.ts is: the registry log's use cases bundle it alone.
import type { AuditProblem } from '../../innovations/audit-log.ts';
import { intlTags, type Locale } from '../locales.ts';

type Sentences = {
  [P in AuditProblem['problem']]: (
    found: Extract<AuditProblem, { problem: P }>,
    n: (value: number) => string,
  ) => string;
};

const sentences: Record<Locale, Sentences> = {
  en: {
    'bad-signature': ({ index }) =>
      index === undefined
        ? 'The tree head is not signed by the instance key.'
        : `The tree head stored with entry ${index} is not signed by the instance key.`,
    'size-mismatch': ({ expected, actual }) =>
      `The signed head covers ${expected} entries but the store holds ${actual}.`,
    'missing-entry': ({ index }) => `Entry ${index} is missing from the store.`,
    'leaf-mismatch': ({ index }) =>
      `Entry ${index} was changed after it was logged: its bytes no longer match its leaf hash.`,
    'history-rewritten': ({ index }) =>
      `Entry ${index} was rewritten: the root after it no longer matches the head signed when it was appended.`,
    'root-mismatch': ({ expected, actual }) => `The entries rebuild root ${actual}, not the signed root ${expected}.`,
    'version-mismatch': ({ index, innovationId, version }) =>
      `Version ${version} of record ${innovationId} differs from what entry ${index} recorded when it was published.`,
    'node-mismatch': ({ index }) =>
      `The subtree hashes stored with entry ${index} are not the ones its leaf completes: proofs that use them fail. Run \`npm run log:backfill\` to rewrite them from the entries.`,
    'anchor-mismatch': ({ index }) =>
      `The stored subtree hashes do not rebuild the head signed at entry ${index}: verify the log from its start.`,
  },
  es: {
    'bad-signature': ({ index }, n) =>
      index === undefined
        ? 'La cabeza del árbol no está firmada con la clave de la instancia.'
        : `La cabeza del árbol guardada con la entrada ${n(index)} no está firmada con la clave de la instancia.`,
    'size-mismatch': ({ expected, actual }, n) =>
      `La cabeza firmada abarca ${n(expected)} entradas, pero el almacén guarda ${n(actual)}.`,
    'missing-entry': ({ index }, n) => `Falta la entrada ${n(index)} en el almacén.`,
    'leaf-mismatch': ({ index }, n) =>
      `La entrada ${n(index)} se cambió después de registrarse: sus bytes ya no coinciden con su hash de hoja.`,
    'history-rewritten': ({ index }, n) =>
      `La entrada ${n(index)} se reescribió: la raíz que le sigue ya no coincide con la cabeza firmada cuando se añadió.`,
    'root-mismatch': ({ expected, actual }) =>
      `Las entradas reconstruyen la raíz ${actual}, no la raíz firmada ${expected}.`,
    'version-mismatch': ({ index, innovationId, version }, n) =>
      `La versión ${n(version)} del registro ${innovationId} no es la que anotó la entrada ${n(index)} al publicarse.`,
    'node-mismatch': ({ index }, n) =>
      `Los hashes de subárbol guardados con la entrada ${n(index)} no son los que completa su hoja: las pruebas que los usan fallan. Ejecuta \`npm run log:backfill\` para reescribirlos a partir de las entradas.`,
    'anchor-mismatch': ({ index }, n) =>
      `Los hashes de subárbol guardados no reconstruyen la cabeza firmada en la entrada ${n(index)}: verifica el registro desde el principio.`,
  },
  nl: {
    'bad-signature': ({ index }, n) =>
      index === undefined
        ? 'De boomkop is niet ondertekend met de sleutel van deze instantie.'
        : `De boomkop die bij regel ${n(index)} is opgeslagen, is niet ondertekend met de sleutel van deze instantie.`,
    'size-mismatch': ({ expected, actual }, n) =>
      `De ondertekende kop omvat ${n(expected)} regels, maar de opslag bevat er ${n(actual)}.`,
    'missing-entry': ({ index }, n) => `Regel ${n(index)} ontbreekt in de opslag.`,
    'leaf-mismatch': ({ index }, n) =>
      `Regel ${n(index)} is gewijzigd nadat hij werd vastgelegd: de bytes kloppen niet meer met de bladhash.`,
    'history-rewritten': ({ index }, n) =>
      `Regel ${n(index)} is herschreven: de wortel erna klopt niet meer met de kop die werd ondertekend toen hij werd toegevoegd.`,
    'root-mismatch': ({ expected, actual }) =>
      `De regels leveren wortel ${actual} op, niet de ondertekende wortel ${expected}.`,
    'version-mismatch': ({ index, innovationId, version }, n) =>
      `Versie ${n(version)} van verslag ${innovationId} wijkt af van wat regel ${n(index)} vastlegde toen die werd gepubliceerd.`,
    'node-mismatch': ({ index }, n) =>
      `De deelboomhashes die bij regel ${n(index)} zijn opgeslagen, zijn niet de hashes die het blad aanvult: bewijzen die ze gebruiken mislukken. Voer \`npm run log:backfill\` uit om ze opnieuw uit de regels op te bouwen.`,
    'anchor-mismatch': ({ index }, n) =>
      `De opgeslagen deelboomhashes leveren de kop die bij regel ${n(index)} werd ondertekend niet op: controleer het register vanaf het begin.`,
  },
};

/**
 * Where the audit broke, in `locale`. English writes its numbers bare, as `npm run verify-log` always
 * has; Spanish and Dutch group them as their readers do (12.345).
 */
export function auditProblemIn(found: AuditProblem, locale: Locale): string {
  const n =
    locale === 'en' ? (value: number) => String(value) : (value: number) => value.toLocaleString(intlTags[locale]);
  const say = sentences[locale][found.problem] as (found: AuditProblem, n: (value: number) => string) => string;
  return say(found, n);
}
