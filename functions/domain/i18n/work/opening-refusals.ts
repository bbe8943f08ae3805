// Why an opening refuses an edit, a change of status or an application (openings/opening.ts `transition`,
// opening-use-cases.ts), in each language: the opening's pages and the API (by Accept-Language) say it in
// the reader's. Kept apart from the site's catalogue, as rate-problems.ts is: the functions that ask
// these rules bundle this file alone.
import type { Locale } from '../locales.ts';

type Status = 'draft' | 'open' | 'filled' | 'closed';

export type OpeningRefusal =
  | { key: 'closed-no-edit' | 'not-taking' | 'no-cv' | 'expired' | 'occupation'; values: Record<string, never> }
  | { key: 'positions-filled'; values: { filled: number } }
  | { key: 'lifecycle'; values: { from: Status; to: Status } };

type Sentences = {
  [K in OpeningRefusal['key']]: (values: Extract<OpeningRefusal, { key: K }>['values']) => string;
};

const statusEs: Record<Status, string> = { draft: 'borrador', open: 'abierta', filled: 'cubierta', closed: 'cerrada' };
const statusNl: Record<Status, string> = { draft: 'concept', open: 'open', filled: 'vervuld', closed: 'gesloten' };

const sentences: Record<Locale, Sentences> = {
  en: {
    'closed-no-edit': () => 'A closed opening cannot be edited.',
    'positions-filled': ({ filled }) =>
      filled === 1
        ? '1 position is already filled: keep at least 1.'
        : `${filled} positions are already filled: keep at least ${filled}.`,
    'not-taking': () => 'This opening is no longer taking applications.',
    'no-cv': () => 'There is no CV on your profile to attach: upload one on your profile first, or apply without it.',
    lifecycle: ({ from, to }) => `An opening that is ${from} cannot become ${to}.`,
    expired: () => 'Set a valid-through date in the future before publishing.',
    occupation: () => 'This is not an occupation Guildhall has a path to: pick one from the list, or none.',
  },
  es: {
    'closed-no-edit': () => 'Una vacante cerrada ya no se puede modificar.',
    'positions-filled': ({ filled }) =>
      filled === 1
        ? 'Ya hay 1 puesto cubierto: deja al menos 1.'
        : `Ya hay ${filled} puestos cubiertos: deja al menos ${filled}.`,
    'not-taking': () => 'Esta vacante ya no acepta candidaturas.',
    'no-cv': () => 'No tienes ningún CV en tu perfil para adjuntar: súbelo primero en tu perfil o preséntate sin él.',
    lifecycle: ({ from, to }) =>
      `Una vacante con el estado «${statusEs[from]}» no puede pasar al estado «${statusEs[to]}».`,
    expired: () => 'Antes de publicarla, pon en «Válida hasta» una fecha que esté en el futuro.',
    occupation: () => 'Guildhall no tiene ninguna ruta para esta ocupación: elige una de la lista, o ninguna.',
  },
  nl: {
    'closed-no-edit': () => 'Een gesloten vacature kan niet meer worden gewijzigd.',
    'positions-filled': ({ filled }) =>
      filled === 1
        ? 'Er is al 1 plaats vervuld: houd er minstens 1.'
        : `Er zijn al ${filled} plaatsen vervuld: houd er minstens ${filled}.`,
    'not-taking': () => 'Deze vacature neemt geen sollicitaties meer aan.',
    'no-cv': () =>
      'Er staat geen cv op je profiel om mee te sturen: zet er eerst een op je profiel, of solliciteer zonder.',
    lifecycle: ({ from, to }) =>
      `Een vacature met de status ‘${statusNl[from]}’ kan niet de status ‘${statusNl[to]}’ krijgen.`,
    expired: () => 'Kies bij ‘Geldig tot’ eerst een datum in de toekomst, en plaats de vacature dan.',
    occupation: () => 'Voor dit beroep heeft Guildhall geen leerpad: kies er een uit de lijst, of geen.',
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function openingRefusalIn(refusal: OpeningRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: OpeningRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as a DomainError or a field issue takes them. */
export const openingWords = (refusal: OpeningRefusal) => ({
  message: openingRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => openingRefusalIn(refusal, locale),
});
