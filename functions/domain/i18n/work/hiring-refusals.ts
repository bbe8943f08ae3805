// Why an application cannot move (openings/stages.ts `refusedMove`, hiring-use-cases.ts), in each
// language: the applicant's and the admin's pages and the API (by Accept-Language) say it in the
// reader's. Kept apart from the site's catalogue, as rate-problems.ts is: the functions that move
// applications bundle this file alone.
import type { Locale } from '../locales.ts';

type Stage = 'submitted' | 'shortlisted' | 'interview' | 'offered' | 'accepted' | 'declined' | 'withdrawn';
type Closing = 'closed' | 'full';
/** What the closed or full opening stops: making an offer, or accepting one. */
type Stopped = 'offer' | 'accept';

export type HiringRefusal =
  /** `why`: the same stage, a closed application, an applicant deciding what is not an offer, or another. */
  | { key: 'move'; values: { from: Stage; to: Stage; why: 'same' | 'closed' | 'not-an-offer' | 'not-from-there' } }
  | { key: 'opening'; values: { closing: Closing; status: string; stopped: Stopped } }
  | { key: 'moved-meanwhile'; values: { now?: Stage | undefined } }
  | { key: 'pick-reason' | 'reason-only-declining' | 'thread-withdrawn'; values: Record<string, never> };

interface Sentences {
  stage: Record<Stage, string>;
  /** `from` as this language's stage words; `to` as the stage's id, each language naming it its own way. */
  move: (from: string, to: Stage, why: Extract<HiringRefusal, { key: 'move' }>['values']['why']) => string;
  opening: (closing: Closing, status: string, stopped: Stopped) => string;
  movedMeanwhile: (now: string | undefined) => string;
  pickReason: string;
  reasonOnlyDeclining: string;
  threadWithdrawn: string;
}

// A stage as a name, as the applicant page's statuses read (work/es.ts, nl.ts `applicant.status.*`).
const stageNameEs: Record<Stage, string> = {
  submitted: 'enviada',
  shortlisted: 'preseleccionada',
  interview: 'entrevista',
  offered: 'con oferta',
  accepted: 'aceptada',
  declined: 'rechazada',
  withdrawn: 'retirada',
};
const stageNameNl: Record<Stage, string> = {
  submitted: 'verstuurd',
  shortlisted: 'op de shortlist',
  interview: 'gesprek',
  offered: 'aanbod gedaan',
  accepted: 'aangenomen',
  declined: 'afgewezen',
  withdrawn: 'ingetrokken',
};
const openingStatusEs: Record<string, string> = { draft: 'en borrador', closed: 'cerrada', filled: 'cubierta' };
const openingStatusNl: Record<string, string> = { draft: 'een concept', closed: 'gesloten', filled: 'vervuld' };

const sentences: Record<Locale, Sentences> = {
  en: {
    stage: {
      submitted: 'submitted',
      shortlisted: 'shortlisted',
      interview: 'at interview',
      offered: 'offered the position',
      accepted: 'accepted (the position is filled)',
      declined: 'declined',
      withdrawn: 'withdrawn',
    },
    move: (from, to, why) => {
      const now = `The application is ${from}`;
      if (why === 'same') return `${now} already.`;
      if (why === 'closed') return `${now}, so it cannot change any more.`;
      if (why === 'not-an-offer') return `${now}; only an offer can be accepted or declined.`;
      return `${now}; it cannot be moved to ${to} from there.`;
    },
    opening: (closing, status, stopped) => {
      const what = stopped === 'offer' ? 'no offer can be made' : 'the offer can no longer be accepted';
      return closing === 'closed'
        ? `This opening is ${status}, so ${what}.`
        : `Every position of this opening is filled, so ${what}.`;
    },
    movedMeanwhile: (now) =>
      `The application was moved meanwhile: it is ${now ?? 'gone'} now. Reload it and decide again.`,
    pickReason: 'Pick the reason the applicant will be told.',
    reasonOnlyDeclining: 'A reason goes only with declining.',
    threadWithdrawn: 'The application is withdrawn, so its thread takes no more messages.',
  },
  es: {
    stage: {
      submitted: 'enviada',
      shortlisted: 'preseleccionada',
      interview: 'en fase de entrevista',
      offered: 'con una oferta del puesto',
      accepted: 'aceptada (el puesto está cubierto)',
      declined: 'rechazada',
      withdrawn: 'retirada',
    },
    move: (from, to, why) => {
      const now = `La candidatura está ${from}`;
      if (why === 'same') return `La candidatura ya está ${from}.`;
      if (why === 'closed') return `${now}, así que ya no puede cambiar.`;
      if (why === 'not-an-offer') return `${now}; solo una oferta se puede aceptar o rechazar.`;
      return `${now}; desde ahí no puede pasar a «${stageNameEs[to]}».`;
    },
    opening: (closing, status, stopped) => {
      const what = stopped === 'offer' ? 'no se puede hacer ninguna oferta' : 'la oferta ya no se puede aceptar';
      return closing === 'closed'
        ? `Esta vacante está ${openingStatusEs[status] ?? status}, así que ${what}.`
        : `Todos los puestos de esta vacante están cubiertos, así que ${what}.`;
    },
    movedMeanwhile: (now) =>
      now
        ? `Alguien ha movido la candidatura mientras tanto: ahora está ${now}. Vuelve a cargarla y decide de nuevo.`
        : 'La candidatura ya no existe: alguien la ha retirado mientras tanto. Vuelve a cargar la página.',
    pickReason: 'Elige el motivo que se le comunicará a la persona candidata.',
    reasonOnlyDeclining: 'Un motivo solo acompaña a un rechazo.',
    threadWithdrawn: 'La candidatura está retirada, así que su conversación ya no admite mensajes.',
  },
  nl: {
    stage: {
      submitted: 'verstuurd',
      shortlisted: 'op de shortlist gezet',
      interview: 'in de gespreksfase',
      offered: 'met een aanbod voor de plaats',
      accepted: 'aangenomen (de plaats is vervuld)',
      declined: 'afgewezen',
      withdrawn: 'ingetrokken',
    },
    move: (from, to, why) => {
      const now = `De sollicitatie is ${from}`;
      if (why === 'same') return `De sollicitatie is al ${from}.`;
      if (why === 'closed') return `${now}, dus ze kan niet meer veranderen.`;
      if (why === 'not-an-offer') return `${now}; alleen een aanbod kan worden aangenomen of afgewezen.`;
      return `${now}; van daaruit kan ze niet naar ‘${stageNameNl[to]}’.`;
    },
    opening: (closing, status, stopped) => {
      const what =
        stopped === 'offer' ? 'kan er geen aanbod meer worden gedaan' : 'kan het aanbod niet meer worden aangenomen';
      return closing === 'closed'
        ? `Deze vacature is ${openingStatusNl[status] ?? status}, dus ${what}.`
        : `Alle plaatsen van deze vacature zijn vervuld, dus ${what}.`;
    },
    movedMeanwhile: (now) =>
      now
        ? `Iemand heeft de sollicitatie intussen verplaatst: ze is nu ${now}. Laad haar opnieuw en beslis nog eens.`
        : 'De sollicitatie bestaat niet meer: ze is intussen ingetrokken. Laad de pagina opnieuw.',
    pickReason: 'Kies de reden die de sollicitant te horen krijgt.',
    reasonOnlyDeclining: 'Een reden hoort alleen bij een afwijzing.',
    threadWithdrawn: 'De sollicitatie is ingetrokken, dus het gesprek neemt geen berichten meer aan.',
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function hiringRefusalIn(refusal: HiringRefusal, locale: Locale): string {
  const words = sentences[locale];
  switch (refusal.key) {
    case 'move': {
      const { from, to, why } = refusal.values;
      return words.move(words.stage[from], to, why);
    }
    case 'opening':
      return words.opening(refusal.values.closing, refusal.values.status, refusal.values.stopped);
    case 'moved-meanwhile':
      return words.movedMeanwhile(refusal.values.now ? words.stage[refusal.values.now] : undefined);
    case 'pick-reason':
      return words.pickReason;
    case 'reason-only-declining':
      return words.reasonOnlyDeclining;
    default:
      return words.threadWithdrawn;
  }
}

/** The refusal's English and its words in each language, as a DomainError or a field issue takes them. */
export const hiringWords = (refusal: HiringRefusal) => ({
  message: hiringRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => hiringRefusalIn(refusal, locale),
});
