// Emails and notifications, written in the language the person chose, in Dutch (je).
import { notEnactedIn } from '../work/not-enacted.ts';
import type { MessagesOf } from '../messages.ts';
import { boundIn, type en, type ProposalChange, toTheMinute } from './en.ts';

const bound = boundIn('nl-NL');

const stageWords: Record<string, string> = {
  submitted: 'verstuurd',
  shortlisted: 'op de shortlist',
  interview: 'op gesprek',
  offered: 'met een aanbod',
  accepted: 'aangenomen',
  declined: 'afgewezen',
  withdrawn: 'ingetrokken',
};
const stage = (word: string) => stageWords[word] ?? word;

const stageTitle = (word: string, name: string) =>
  ({
    shortlisted: `Je staat op de shortlist voor ${name}`,
    interview: `Je bent uitgenodigd voor een gesprek over ${name}`,
    offered: `Je hebt een aanbod voor ${name}`,
    accepted: `Je sollicitatie op ${name} is aangenomen`,
    declined: `Je sollicitatie op ${name} is afgewezen`,
  })[word] ?? `Je sollicitatie op ${name} is nu ${stage(word)}`;

const movedTitle = (word: string, name: string) =>
  ({
    withdrawn: `Een sollicitant heeft zich teruggetrokken voor ${name}`,
    accepted: `Een sollicitant heeft het aanbod voor ${name} aangenomen`,
    declined: `Een sollicitant heeft het aanbod voor ${name} afgeslagen`,
  })[word] ?? `Een sollicitatie op ${name} is nu ${stage(word)}`;

const statusWords: Record<string, string> = {
  ordered: 'besteld',
  accepted: 'geaccepteerd',
  declined: 'geweigerd',
  delivered: 'geleverd',
  refunded: 'terugbetaald',
  cancelled: 'geannuleerd',
  disputed: 'betwist',
  confirmed: 'bevestigd',
};
const orderWords = (status: string) =>
  ({
    accepted: 'is geaccepteerd',
    declined: 'is geweigerd',
    delivered: 'is geleverd: bevestig de bestelling, of betwist haar binnen de termijn',
    refunded: 'is terugbetaald: er is niets betaald',
    cancelled: 'is door de koper geannuleerd',
    disputed: 'is door de koper betwist',
    confirmed: 'is bevestigd en betaald',
  })[status] ?? `is nu ${statusWords[status] ?? status}`;

const when = (iso: string) => (iso ? toTheMinute(iso) : 'de sluiting');

const uitkomsten = { passed: 'is aangenomen', rejected: 'is verworpen', 'without-quorum': 'is gesloten zonder quorum' };

function changed({ change, subject, why }: ProposalChange): string {
  switch (change) {
    case 'nothing':
      return 'Er is niets veranderd.';
    case 'not-enacted':
      return `Er is niets veranderd: ${(why && notEnactedIn(why, 'nl')) ?? subject}`;
    case 'sense-check':
      return 'Een peiling verandert op zichzelf niets.';
    case 'rate-card':
      return 'De voorgestelde tarievenlijst is nu die van het collectief.';
    case 'credit-limit':
      return `De kredietlimiet van ${subject} is nu de voorgestelde.`;
    case 'admit':
      return `${subject} is als lid toegelaten.`;
    case 'remove':
      return `${subject} is als lid verwijderd.`;
    case 'make-admin':
      return `${subject} is beheerder geworden.`;
    case 'unmake-admin':
      return `${subject} is geen beheerder meer.`;
    case 'credit-policy':
      return 'Het kredietbeleid van het gemeengoed is nu het voorgestelde.';
    case 'report-closed':
      return `Het betwiste rapport ${subject} is gesloten zonder dat er iets verschuldigd is.`;
    case 'report-settled':
      return `Het betwiste rapport ${subject} is afgerekend tegen het bedrag waarover de kring het eens werd.`;
    default:
      return 'De voorgestelde wijziging is nu van kracht.';
  }
}

export const nl: MessagesOf<typeof en> = {
  'email.language.label': 'Taal van e-mails',
  'email.language.hint': 'Guildhall stuurt je meldingen per e-mail in deze taal.',

  'email.subjectFallback': 'Nieuws van Guildhall',
  'email.greeting': (name) => `Hallo ${name},`,
  'email.open': 'Open het op Guildhall',
  'email.why': (kind) => `Je krijgt deze e-mail omdat ‘${kind}’ aan staat in je e-mailinstellingen van Guildhall.`,
  'email.stop': 'Deze e-mails stoppen',
  'email.settings': 'Alle e-mailinstellingen',

  'email.kind.application-received': 'Iemand heeft gesolliciteerd op een vacature van een collectief dat je beheert',
  'email.kind.application-stage-changed': 'Je sollicitatie is naar een andere fase gegaan',
  'email.kind.application-message': 'Een bericht over een sollicitatie',
  'email.kind.join-request-decided': 'Er is besloten over je verzoek om lid te worden van een collectief',
  'email.kind.co-inventor-invited': 'Je wordt genoemd als mede-uitvinder',
  'email.kind.value-report-awaiting': 'Een waarderapport wacht op je besluit',
  'email.kind.value-report-decided': 'Een waarderapport is bevestigd of betwist',
  'email.kind.value-report-settled': 'Een waarderapport is afgerekend, met wat je ontving',
  'email.kind.saved-search-match': 'Nieuwe vacatures passen bij een zoekopdracht die je bewaarde',
  'email.kind.order-received': 'Iemand heeft een van je aanbiedingen besteld',
  'email.kind.order-changed': 'Een bestelling die je kocht of verkocht is verder (geaccepteerd, geleverd, bevestigd…)',
  'email.kind.proposal-opened': 'Een collectief waar je lid van bent legt een voorstel ter stemming voor',
  'email.kind.proposal-closing-soon': 'Een voorstel waarover je niet hebt gestemd sluit binnen een dag',
  'email.kind.proposal-decided': 'Er is besloten over een voorstel waarover je kon stemmen',
  'email.kind.assessment-requested':
    'Een leerling vraagt een collectief waar je lid van bent zijn praktijkwerk te beoordelen',

  'email.unnamed.opening': 'een vacature',
  'email.unnamed.syndicate': 'een collectief',
  'email.unnamed.innovation': 'een innovatie',

  'email.applicationReceived.title': ({ name }) => `Nieuwe sollicitatie op ${name}`,
  'email.applicationReceived.summary': ({ name }) =>
    `Iemand heeft gesolliciteerd op ${name}. Op de pagina van de vacature staan de sollicitanten gerangschikt op hoe goed hun vaardigheden passen.`,
  'email.applicantMoved.title': ({ name, stage: word }) => movedTitle(word, name),
  'email.applicantMoved.summary': ({ name, stage: word }) => `Een sollicitatie op ${name} is nu ${stage(word)}.`,
  'email.applicationStage.title': ({ name, stage: word }) => stageTitle(word, name),
  'email.applicationStage.summary': ({ name, stage: word, withMessage, withReason }) =>
    [
      `${stageTitle(word, name)}.`,
      withMessage && 'Het collectief schreef er een bericht bij.',
      withReason && 'Het collectief gaf een reden.',
      'Lees het op de pagina van je sollicitatie.',
    ]
      .filter(Boolean)
      .join(' '),
  'email.applicationMessage.title': ({ name }) => `Nieuw bericht over ${name}`,
  'email.applicationMessage.summary': ({ name, fromApplicant }) =>
    fromApplicant
      ? `Een sollicitant op ${name} schreef in de draad van de sollicitatie.`
      : `Het collectief schreef je over je sollicitatie op ${name}.`,

  'email.joinDecided.title': ({ name, accepted }) =>
    accepted ? `Je bent lid geworden van ${name}` : `Je verzoek om lid te worden van ${name} is afgewezen`,
  'email.joinDecided.summary': ({ name, accepted }) =>
    accepted
      ? `Je verzoek om lid te worden van ${name} is geaccepteerd.`
      : `${name} heeft je verzoek om lid te worden afgewezen.`,
  'email.assessmentRequested.title': ({ name }) => `Een leerling vraagt ${name} zijn praktijkwerk te beoordelen`,
  'email.assessmentRequested.summary': ({ name, course }) =>
    `Een leerling van ‘${course}’ stuurde bewijs van zijn praktijkopdrachten en vroeg ${name} het te beoordelen. Jij hebt de certificaten om het af te tekenen: het wacht op de pagina praktijkwerk van ${name}.`,
  'email.coInventorInvited.title': ({ name }) => `Je wordt genoemd als mede-uitvinder van ${name}`,
  'email.coInventorInvited.summary': ({ name }) =>
    `Een concept noemt je als mede-uitvinder van ${name}. Aanvaard of weiger de uitvinders en hun aandelen voordat het wordt gepubliceerd.`,

  'email.reportAwaiting.title': ({ name }) => `Een waarderapport over ${name} wacht op je besluit`,
  'email.reportAwaiting.summary': ({ name }) =>
    `Een collectief meldde waarde uit ${name}. Bevestig of betwist het voordat de termijn sluit.`,
  'email.reportDecided.title': ({ name, confirmed }) =>
    `Een waarderapport over ${name} is ${confirmed ? 'bevestigd' : 'betwist'}`,
  'email.reportDecided.summary': ({ name, confirmed, paid }) =>
    confirmed
      ? `Het waarderapport over ${name} is bevestigd${paid ? ' en afgerekend' : ' en kan worden afgerekend'}.`
      : `Het waarderapport over ${name} is betwist; het wordt niet afgerekend zoals gemeld.`,
  'email.reportSettled.title': ({ name }) => `Een waarderapport over ${name} is afgerekend`,
  'email.reportSettled.summary': ({ name, received, kept }) => {
    const said = [
      received && `je ontving ${bound(received)}`,
      kept && `je deel als uitvoerder is ${bound(kept)}, dat het collectief houdt`,
    ].filter(Boolean);
    return `Het waarderapport over ${name} is afgerekend${said.length > 0 ? `: ${said.join('; ')}` : ''}. Je overzicht laat het zien.`;
  },

  'email.orderReceived.title': ({ name }) => `Nieuwe bestelling: ${name}`,
  'email.orderReceived.summary': ({ name }) => `Iemand heeft ${name} besteld. Accepteer of weiger de bestelling.`,
  'email.orderChanged.title': ({ name, status }) => `Bestelling ${name}: ${statusWords[status] ?? status}`,
  'email.orderChanged.summary': ({ name, status }) => `De bestelling ${name} ${orderWords(status)}.`,

  'email.savedSearch.title': ({ search, count, more }) =>
    count === 1
      ? `Een nieuwe vacature past bij ‘${search}’`
      : `${count}${more ? ' of meer' : ''} nieuwe vacatures passen bij ‘${search}’`,
  'email.savedSearch.summary': ({ titles, rest, more }) =>
    `${titles}${rest > 0 || more ? `; en ${more ? 'meer' : `${rest} meer`}` : ''}.`,

  'email.proposalOpened.title': ({ syndicate, title, closesAt }) =>
    `${syndicate} stemt over ${title}, tot ${when(closesAt)}`,
  'email.proposalOpened.summary': ({ syndicate, title, closesAt }) =>
    `${syndicate} heeft een voorstel ter stemming gelegd: ${title}. Je kunt voor, tegen of blanco stemmen tot ${when(closesAt)}, en tot dan je stem wijzigen.`,
  'email.proposalClosing.title': ({ title }) => `De stemming over ${title} sluit binnen een dag`,
  'email.proposalClosing.summary': ({ syndicate, title, closesAt }) =>
    `Je hebt nog niet gestemd over ${title} in ${syndicate}. De stemming sluit om ${when(closesAt)}; het wordt alleen aangenomen als de helft van de stemgerechtigde leden voor stemt.`,
  'email.proposalChanged': changed,
  'email.proposalDecided.title': ({ title, outcome }) => `${title} ${uitkomsten[outcome]}`,
  'email.proposalDecided.summary': (v) =>
    `Het voorstel ${v.title} van ${v.syndicate} ${uitkomsten[v.outcome]}: voor ${v.yes}, tegen ${v.no}, blanco ${v.abstain} van de ${v.eligible} die konden stemmen. ${changed(v)}`,
};

/** Keys whose Dutch is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
