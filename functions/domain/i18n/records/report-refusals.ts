// Why a value report is refused, or a decision on it, or its settling (innovations/adoption-use-cases.ts,
// settle-report.ts), or an adoption that its syndicate decides by vote (adopt-innovation.ts), in each
// language: the adoption's and the report's pages and the API (by Accept-Language) say it in the reader's.
// Kept apart from the site's catalogue, as audit-sentences.ts is: innovations-api bundles it alone.
import type { Locale } from '../locales.ts';

type Status = 'pending' | 'confirmed' | 'disputed' | 'settled';

export type ReportRefusal =
  | {
      key: 'period-order' | 'period-future' | 'reporter' | 'was-disputed' | 'undecidable';
      values: Record<string, never>;
    }
  | { key: 'not-confirmed'; values: { status: Status } }
  | { key: 'by-vote'; values: { syndicate: string; members: number } }
  | { key: 'amount-most'; values: { most: number | bigint } }
  | { key: 'self-report'; values: { syndicate: string } }
  | { key: 'overlaps'; values: { from: string; to: string } }
  | { key: 'already-decided'; values: { status: Status } };

type Sentences = {
  [K in ReportRefusal['key']]: (values: Extract<ReportRefusal, { key: K }>['values']) => string;
};

const statusEs: Record<Status, string> = {
  pending: 'pendiente',
  confirmed: 'confirmado',
  disputed: 'impugnado',
  settled: 'liquidado',
};
const statusNl: Record<Status, string> = {
  pending: 'in behandeling',
  confirmed: 'bevestigd',
  disputed: 'betwist',
  settled: 'verrekend',
};

const sentences: Record<Locale, Sentences> = {
  en: {
    'period-order': () => 'Choose a date on or after the start of the period.',
    'amount-most': ({ most }) => `Enter at most ${most} minor units.`,
    'period-future': () => 'Choose a date that has passed: report value already realised.',
    'self-report': ({ syndicate }) =>
      `You are an inventor of this record and an admin of ${syndicate}, and nobody else could decide your report: another admin of ${syndicate} who is not one of its inventors must report its value.`,
    overlaps: ({ from, to }) => `overlaps the period ${from} to ${to}, reported already: report each period once`,
    reporter: () =>
      'You made this report: its inventors, or another admin of the syndicate who is not an inventor, decide it.',
    'already-decided': ({ status }) => `This report is already ${status}; it can no longer be disputed.`,
    'was-disputed': () => 'This report was disputed.',
    'not-confirmed': ({ status }) => `Only a confirmed report can be settled; this one is ${status}.`,
    undecidable: () =>
      'Nobody who stands on only one side of this report can decide it any more, so it does not count as confirmed by time alone: an inventor who is not an admin of the syndicate, or an admin who is not an inventor, must confirm it.',
    'by-vote': ({ syndicate, members }) =>
      `${syndicate} has ${members} members: it adopts a record only by their vote. Propose the adoption to them (an adopt-innovation proposal, /decisions/new/?kind=adopt-innovation).`,
  },
  es: {
    'period-order': () => 'Elige una fecha igual o posterior al inicio del periodo.',
    'amount-most': ({ most }) => `Introduce como máximo ${most} unidades menores.`,
    'period-future': () => 'Elige una fecha que ya haya pasado: informa del valor ya obtenido.',
    'self-report': ({ syndicate }) =>
      `Eres inventor de este registro y administrador de ${syndicate}, y nadie más podría decidir sobre tu informe: tiene que informar de su valor otra persona administradora de ${syndicate} que no sea inventora.`,
    overlaps: ({ from, to }) =>
      `se solapa con el periodo del ${from} al ${to}, del que ya se informó: informa de cada periodo una sola vez.`,
    reporter: () =>
      'Este informe lo hiciste tú: deciden sobre él sus inventores u otra persona administradora del colectivo que no sea inventora.',
    'already-decided': ({ status }) => `Este informe ya está ${statusEs[status]}; ya no se puede impugnar.`,
    'was-disputed': () => 'Este informe se impugnó.',
    'not-confirmed': ({ status }) => `Solo se puede liquidar un informe confirmado; este está ${statusEs[status]}.`,
    undecidable: () =>
      'Ya nadie que esté en un solo lado de este informe puede decidir sobre él, así que no cuenta como confirmado solo por el paso del tiempo: tiene que confirmarlo un inventor que no sea administrador del colectivo, o un administrador que no sea inventor.',
    'by-vote': ({ syndicate, members }) =>
      `${syndicate} tiene ${members} miembros: solo adopta un registro si lo votan. Propónles la adopción (una propuesta adopt-innovation, /decisions/new/?kind=adopt-innovation).`,
  },
  nl: {
    'period-order': () => 'Kies een datum op of na het begin van de periode.',
    'amount-most': ({ most }) => `Vul hoogstens ${most} kleinste eenheden in.`,
    'period-future': () => 'Kies een datum die voorbij is: meld waarde die al gerealiseerd is.',
    'self-report': ({ syndicate }) =>
      `Je bent uitvinder van dit verslag en beheerder van ${syndicate}, en niemand anders zou over je melding kunnen beslissen: een andere beheerder van ${syndicate} die geen uitvinder is, moet de waarde melden.`,
    overlaps: ({ from, to }) =>
      `overlapt met de periode van ${from} tot ${to}, die al gemeld is: meld elke periode één keer.`,
    reporter: () =>
      'Jij hebt deze melding gedaan: de uitvinders, of een andere beheerder van het collectief die geen uitvinder is, beslissen erover.',
    'already-decided': ({ status }) => `Deze melding is al ${statusNl[status]}; ze kan niet meer worden betwist.`,
    'was-disputed': () => 'Deze melding is betwist.',
    'not-confirmed': ({ status }) => `Alleen een bevestigde melding kan worden verrekend; deze is ${statusNl[status]}.`,
    undecidable: () =>
      'Niemand die aan maar één kant van deze melding staat, kan er nog over beslissen, dus ze geldt niet als bevestigd alleen doordat de tijd verstreken is: een uitvinder die geen beheerder van het collectief is, of een beheerder die geen uitvinder is, moet haar bevestigen.',
    'by-vote': ({ syndicate, members }) =>
      `${syndicate} heeft ${members} leden: het neemt een verslag alleen over als zij ervoor stemmen. Stel de overname aan hen voor (een adopt-innovation-voorstel, /decisions/new/?kind=adopt-innovation).`,
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function reportRefusalIn(refusal: ReportRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: ReportRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words, as a field issue or (spread) a DomainError's arguments take them. */
export const reportWords = (refusal: ReportRefusal) => ({
  message: reportRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => reportRefusalIn(refusal, locale),
});
