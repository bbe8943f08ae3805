// Why a vote, a draft's edit, a proposal or a look at its tally is refused (decisions/vote.ts,
// edit-draft.ts, circle.ts, eligibility.ts, secret-tally.ts, close-proposal.ts, proposal-use-cases.ts),
// in each language: the proposal's page and the API (by Accept-Language) say it in the
// reader's. Kept apart from the site's catalogue, as not-enacted.ts is: decisions-api bundles it alone.
import type { ProposalKind } from '../../decisions/proposal.ts';
import { intlTags, type Locale } from '../locales.ts';
import { countIn as count } from '../numbers.ts';

/** `commons`, or `syndicate:<id>` (a proposal's scope). */
type Scope = string;

export type VoteRefusal =
  | {
      key: 'draft' | 'conflict' | 'not-on-circle' | 'open-already' | 'opened-meanwhile' | 'policy' | 'secret-names';
      values: Record<string, never>;
    }
  | { key: 'closed' | 'open-until'; values: { at: string } }
  | { key: 'not-member' | 'not-member-open' | 'secret' | 'not-party'; values: { scope: Scope } }
  | { key: 'not-published'; values: { id: string } }
  | { key: 'adopted'; values: { syndicate: string } }
  | { key: 'circle-most'; values: { amount: bigint | number } }
  | { key: 'joined-after'; values: { since: string; openedAt: string } }
  | { key: 'stale'; values: { version: number; read: number } }
  | { key: 'scope-kind'; values: { kind: ProposalKind; scopes: readonly ('commons' | 'syndicate')[] } }
  | { key: 'min-days'; values: { kind: ProposalKind; days: number } }
  | { key: 'credit-max'; values: { amount: bigint | number } }
  | { key: 'no-holder'; values: { holder: string; account: string } }
  | {
      key: 'nobody' | 'member-already' | 'is-not-member' | 'admin-already' | 'not-admin' | 'not-steward';
      values: { person: string };
    }
  | { key: 'no-report'; values: { report: string; record: string } }
  | { key: 'circle-scope'; values: { syndicate: string } }
  | { key: 'not-disputed'; values: { status: string } };

type Sentences = {
  [K in VoteRefusal['key']]: (values: Extract<VoteRefusal, { key: K }>['values']) => string;
};

const syndicateOf = (scope: Scope) => scope.replace(/^syndicate:/, '');
/** The scope as "members of …" names it: "the commons", "syndicate riverside"; Spanish with its "de" ("del"). */
const scopeNames: Record<Locale, [commons: string, syndicate: string]> = {
  en: ['the commons', 'syndicate'],
  es: ['del procomún', 'del colectivo'],
  nl: ['de commons', 'collectief'],
};
const scopeIn = (scope: Scope, locale: Locale) => {
  const [commons, syndicate] = scopeNames[locale];
  return scope === 'commons' ? commons : `${syndicate} ${syndicateOf(scope)}`;
};
/** A whole number as the reader's language groups its digits. */
/** A moment as the reader's language writes it, in UTC: "7 de diciembre de 2026 a las 10:00 UTC". */
const moment = (iso: string, locale: Locale) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : `${date.toLocaleString(intlTags[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
};

/**
 * What a person reads of a proposal's kind in a refusal: the site's `decision.kind.*` say the same, kept
 * here too so decisions-api bundles these alone, not the work catalogue.
 */
const kindLabels: Record<Locale, Record<ProposalKind, string>> = {
  en: {
    'sense-check': 'a sense check (decides nothing by itself)',
    'rate-card': 'the syndicate’s rate card',
    'credit-limit': 'an account’s credit limit',
    'credit-policy': 'the commons’ credit policy (the credit of every account without its own limit)',
    membership: 'a member admitted or removed, or made or unmade an admin',
    'adopt-innovation': 'an innovation record the syndicate adopts',
    'remove-steward': 'a steward removed (who grants credit until the commons votes it)',
    'resolve-disputed-report': 'a disputed value report, settled by a restorative circle',
  },
  es: {
    'sense-check': 'una consulta (no decide nada por sí misma)',
    'rate-card': 'las tarifas del colectivo',
    'credit-limit': 'el límite de crédito de una cuenta',
    'credit-policy': 'la política de crédito del procomún (el crédito de toda cuenta sin límite propio)',
    membership: 'admitir o dar de baja a un miembro, o nombrarlo o dejar de nombrarlo admin',
    'adopt-innovation': 'un registro de innovación que adopta el colectivo',
    'remove-steward': 'retirar a un custodio (que concede crédito hasta que el procomún lo vote)',
    'resolve-disputed-report': 'un informe de valor en disputa, resuelto por un círculo restaurativo',
  },
  nl: {
    'sense-check': 'een peiling (beslist op zichzelf niets)',
    'rate-card': 'de tariefkaart van het collectief',
    'credit-limit': 'de kredietlimiet van een rekening',
    'credit-policy': 'het kredietbeleid van het gemeengoed (het krediet van elke rekening zonder eigen limiet)',
    membership: 'een lid toelaten of verwijderen, of tot beheerder maken of dat terugdraaien',
    'adopt-innovation': 'een innovatieverslag dat het collectief overneemt',
    'remove-steward': 'een kredietbeheerder ontslaan (die krediet toekent tot het gemeengoed erover stemt)',
    'resolve-disputed-report': 'een betwist waarderapport, beslecht door een herstelkring',
  },
};
/** The scopes a kind is decided in, as the API names them: "commons" or "syndicate:<id>", joined by "or". */
const scopesIn = (scopes: readonly string[], or: string) =>
  scopes.map((s) => (s === 'commons' ? '"commons"' : '"syndicate:<id>"')).join(` ${or} `);
/** A value report's status in the reader's language. */
const reportStatus: Record<Exclude<Locale, 'en'>, Record<string, string>> = {
  es: { pending: 'pendiente', confirmed: 'confirmado', disputed: 'en disputa', settled: 'resuelto' },
  nl: { pending: 'in afwachting', confirmed: 'bevestigd', disputed: 'betwist', settled: 'beslecht' },
};

const sentences: Record<Locale, Sentences> = {
  en: {
    draft: () => 'This proposal is a draft: its author opens it first.',
    closed: ({ at }) => `Voting on this proposal closed at ${at}.`,
    conflict: () =>
      'This credit limit is for your own account or a syndicate you belong to: the other members decide it.',
    'not-member': ({ scope }) => `Only members of ${scopeIn(scope, 'en')} vote on its proposals.`,
    'not-member-open': ({ scope }) => `Only members of ${scopeIn(scope, 'en')} open and vote on its proposals.`,
    'open-until': ({ at }) => `Voting on this proposal is open until ${at}; it can be closed then.`,
    secret: ({ scope }) =>
      `The votes on this proposal are secret: only members of ${scopeIn(scope, 'en')} see the counts before it closes, and everyone once it has.`,
    'secret-names': () =>
      'The votes on this proposal are secret: nobody is shown who voted how, only the counts (everyone sees them once it closes).',
    'not-party': ({ scope }) =>
      `Only the parties to the report (its record's inventors, the members of ${scopeIn(scope, 'en')}) open a circle on it.`,
    'circle-most': ({ amount }) =>
      `A circle may settle at most the reported ${amount} minor units (or less, or nothing).`,
    policy: () => 'The credit policy cannot be proposed as it stands.',
    'not-published': ({ id }) => `No published record "${id}".`,
    adopted: ({ syndicate }) => `${syndicate} has adopted this record already.`,
    'joined-after': ({ since, openedAt }) =>
      `You became a member at ${since}, after this proposal opened (${openedAt}): who votes on it was fixed then.`,
    'not-on-circle': () => 'Only the circle votes on this proposal: the parties to the report and its panel.',
    'open-already': () => 'This proposal is open already: what it proposes was fixed when it opened.',
    'opened-meanwhile': () => 'This proposal was opened while you edited it: what it proposes is fixed now.',
    stale: ({ version, read }) =>
      `This draft was saved again after you read it (it is at version ${version}; you read version ${read}): read it again before you change or open it.`,
    'scope-kind': ({ kind, scopes }) => `A proposal on ${kindLabels.en[kind]} is decided in ${scopesIn(scopes, 'or')}.`,
    'min-days': ({ kind, days }) => `A proposal on ${kindLabels.en[kind]} stays open at least ${days} days.`,
    'credit-max': ({ amount }) => `One credit limit gives at most ${amount} minor units.`,
    'no-holder': ({ holder, account }) => `No ${holder} "${account}" has an account here: check its name.`,
    nobody: ({ person }) => `Nobody called "${person}" has an account here.`,
    'member-already': ({ person }) => `${person} is a member already.`,
    'is-not-member': ({ person }) => `${person} is not a member.`,
    'admin-already': ({ person }) => `${person} is an admin already.`,
    'not-admin': ({ person }) => `${person} is not an admin.`,
    'not-steward': ({ person }) => `${person} is not a steward here (the ledger page lists them).`,
    'no-report': ({ report, record }) => `No value report "${report}" on record "${record}".`,
    'circle-scope': ({ syndicate }) => `A circle on this report sits in "syndicate:${syndicate}", whose report it is.`,
    'not-disputed': ({ status }) => `Only a disputed report goes to a circle; this one is ${status}.`,
  },
  es: {
    draft: () => 'Esta propuesta es un borrador: primero tiene que abrirla quien la escribió.',
    closed: ({ at }) => `La votación de esta propuesta se cerró el ${moment(at, 'es')}.`,
    conflict: () =>
      'Este límite de crédito es para tu propia cuenta o para un colectivo al que perteneces: lo deciden los demás miembros.',
    'not-member': ({ scope }) => `Solo los miembros ${scopeIn(scope, 'es')} votan sus propuestas.`,
    'not-member-open': ({ scope }) => `Solo los miembros ${scopeIn(scope, 'es')} abren y votan sus propuestas.`,
    'open-until': ({ at }) =>
      `La votación de esta propuesta está abierta hasta el ${moment(at, 'es')}; a partir de entonces se puede cerrar.`,
    secret: ({ scope }) =>
      `Los votos de esta propuesta son secretos: solo los miembros ${scopeIn(scope, 'es')} ven el recuento antes de que se cierre, y todo el mundo una vez cerrada.`,
    'secret-names': () =>
      'Los votos de esta propuesta son secretos: a nadie se le muestra quién votó qué, solo el recuento (todo el mundo lo ve una vez cerrada).',
    'not-party': ({ scope }) =>
      `Solo las partes del informe de valor (los inventores del registro y los miembros ${scopeIn(scope, 'es')}) abren un círculo sobre él.`,
    'circle-most': ({ amount }) =>
      `Un círculo puede liquidar como máximo las ${count(amount, 'es')} unidades menores del informe (o menos, o nada).`,
    policy: () => 'La política de crédito no se puede proponer tal como está.',
    'not-published': ({ id }) => `No hay ningún registro publicado "${id}".`,
    adopted: ({ syndicate }) => `${syndicate} ya ha adoptado este registro.`,
    'joined-after': ({ since, openedAt }) =>
      `Te hiciste miembro el ${moment(since, 'es')}, después de que se abriera esta propuesta (el ${moment(openedAt, 'es')}): quién vota quedó fijado entonces.`,
    'not-on-circle': () => 'Solo el círculo vota esta propuesta: las partes del informe de valor y su panel.',
    'open-already': () => 'Esta propuesta ya está abierta: lo que propone quedó fijado al abrirse.',
    'opened-meanwhile': () => 'Alguien abrió esta propuesta mientras la editabas: lo que propone ya ha quedado fijado.',
    stale: ({ version, read }) =>
      `Este borrador se guardó de nuevo después de que lo leyeras (va por la versión ${version}; leíste la ${read}): vuelve a leerlo antes de cambiarlo o abrirlo.`,
    'scope-kind': ({ kind, scopes }) =>
      `Una propuesta sobre ${kindLabels.es[kind]} se decide en ${scopesIn(scopes, 'o')}.`,
    'min-days': ({ kind, days }) =>
      `Una propuesta sobre ${kindLabels.es[kind]} queda abierta al menos ${count(days, 'es')} días.`,
    'credit-max': ({ amount }) => `Un límite de crédito concede como máximo ${count(amount, 'es')} unidades menores.`,
    'no-holder': ({ holder, account }) =>
      `No hay ${holder === 'person' ? 'ninguna persona' : 'ningún colectivo'} "${account}" con cuenta aquí: revisa el nombre.`,
    nobody: ({ person }) => `Nadie llamado "${person}" tiene cuenta aquí.`,
    'member-already': ({ person }) => `${person} ya es miembro.`,
    'is-not-member': ({ person }) => `${person} no es miembro.`,
    'admin-already': ({ person }) => `${person} ya es admin.`,
    'not-admin': ({ person }) => `${person} no es admin.`,
    'not-steward': ({ person }) => `${person} no es custodio aquí (la página del libro los enumera).`,
    'no-report': ({ report, record }) => `No hay ningún informe de valor "${report}" en el registro "${record}".`,
    'circle-scope': ({ syndicate }) =>
      `Un círculo sobre este informe se celebra en "syndicate:${syndicate}", el colectivo del informe.`,
    'not-disputed': ({ status }) =>
      `Solo un informe en disputa va a un círculo; este está ${reportStatus.es[status] ?? status}.`,
  },
  nl: {
    draft: () => 'Dit voorstel is een concept: de indiener moet het eerst openstellen.',
    closed: ({ at }) => `De stemming over dit voorstel sloot op ${moment(at, 'nl')}.`,
    conflict: () =>
      'Deze kredietlimiet is voor je eigen rekening of voor een collectief waar je bij hoort: de andere leden beslissen erover.',
    'not-member': ({ scope }) => `Alleen leden van ${scopeIn(scope, 'nl')} stemmen over de voorstellen.`,
    'not-member-open': ({ scope }) =>
      `Alleen leden van ${scopeIn(scope, 'nl')} stellen de voorstellen open en stemmen erover.`,
    'open-until': ({ at }) =>
      `De stemming over dit voorstel is open tot ${moment(at, 'nl')}; daarna kan ze worden gesloten.`,
    secret: ({ scope }) =>
      `De stemmen over dit voorstel zijn geheim: alleen leden van ${scopeIn(scope, 'nl')} zien de tellingen voordat de stemming sluit, en iedereen zodra ze gesloten is.`,
    'secret-names': () =>
      'De stemmen over dit voorstel zijn geheim: niemand ziet wie wat stemde, alleen de tellingen (iedereen ziet ze zodra de stemming gesloten is).',
    'not-party': ({ scope }) =>
      `Alleen de partijen bij het waarderapport (de uitvinders van het verslag, de leden van ${scopeIn(scope, 'nl')}) openen er een kring over.`,
    'circle-most': ({ amount }) =>
      `Een kring mag hoogstens de gemelde ${count(amount, 'nl')} kleinste eenheden verrekenen (of minder, of niets).`,
    policy: () => 'Het kredietbeleid kan niet worden voorgesteld zoals het nu is.',
    'not-published': ({ id }) => `Er is geen gepubliceerd verslag "${id}".`,
    adopted: ({ syndicate }) => `${syndicate} heeft dit verslag al overgenomen.`,
    'joined-after': ({ since, openedAt }) =>
      `Je werd lid op ${moment(since, 'nl')}, nadat dit voorstel openging (${moment(openedAt, 'nl')}): wie erover stemt, lag toen vast.`,
    'not-on-circle': () => 'Alleen de kring stemt over dit voorstel: de partijen bij het waarderapport en het panel.',
    'open-already': () => 'Dit voorstel is al open: wat het voorstelt, lag vast toen het openging.',
    'opened-meanwhile': () => 'Dit voorstel is opengesteld terwijl je het bewerkte: wat het voorstelt, ligt nu vast.',
    stale: ({ version, read }) =>
      `Dit concept is opnieuw opgeslagen nadat je het las (het is bij versie ${version}; jij las versie ${read}): lees het opnieuw voordat je het wijzigt of openstelt.`,
    'scope-kind': ({ kind, scopes }) =>
      `Over een voorstel over ${kindLabels.nl[kind]} wordt beslist in ${scopesIn(scopes, 'of')}.`,
    'min-days': ({ kind, days }) =>
      `Een voorstel over ${kindLabels.nl[kind]} staat minstens ${count(days, 'nl')} dagen open.`,
    'credit-max': ({ amount }) => `Eén kredietlimiet geeft hoogstens ${count(amount, 'nl')} kleinste eenheden.`,
    'no-holder': ({ holder, account }) =>
      `Er is hier geen ${holder === 'person' ? 'persoon' : 'collectief'} "${account}" met een rekening: controleer de naam.`,
    nobody: ({ person }) => `Niemand met de naam "${person}" heeft hier een account.`,
    'member-already': ({ person }) => `${person} is al lid.`,
    'is-not-member': ({ person }) => `${person} is geen lid.`,
    'admin-already': ({ person }) => `${person} is al beheerder.`,
    'not-admin': ({ person }) => `${person} is geen beheerder.`,
    'not-steward': ({ person }) => `${person} is hier geen kredietbeheerder (de grootboekpagina noemt ze).`,
    'no-report': ({ report, record }) => `Er is geen waarderapport "${report}" bij verslag "${record}".`,
    'circle-scope': ({ syndicate }) =>
      `Een kring over dit rapport hoort in "syndicate:${syndicate}", het collectief van het rapport.`,
    'not-disputed': ({ status }) =>
      `Alleen een betwist rapport gaat naar een kring; dit is ${reportStatus.nl[status] ?? status}.`,
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function voteRefusalIn(refusal: VoteRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: VoteRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as a DomainError's arguments take them. */
export const voteWords = (refusal: VoteRefusal) =>
  [voteRefusalIn(refusal, 'en'), { wordsIn: (locale: Locale) => voteRefusalIn(refusal, locale) }] as const;

/** The refusal as a field issue's message and words (spread beside its `field`). */
export const voteIssue = (refusal: VoteRefusal) => ({
  message: voteRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => voteRefusalIn(refusal, locale),
});
