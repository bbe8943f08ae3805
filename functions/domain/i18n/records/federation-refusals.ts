// Why a steward's federation setting is refused (federation/witnessing.ts, remote-follow.ts,
// instance-block.ts), in each language: the federation settings and the API (by Accept-Language) say it
// in the reader's. Kept apart from the site's catalogue: the functions that change those settings
// bundle this file alone.
import type { Locale } from '../locales.ts';

/** What only stewards do: choose the logs witnessed, follow remote syndicates, block instances. */
type StewardsAct = 'witness' | 'follow' | 'block';

export type FederationRefusal =
  | { key: 'stewards-only'; values: { act: StewardsAct } }
  | { key: 'not-own-log'; values: Record<string, never> }
  /** `why`: the remote log's own failure, as the fetch reported it (English, technical). */
  | { key: 'log-unreadable'; values: { host: string; why: string } };

type Sentences = {
  [K in FederationRefusal['key']]: (values: Extract<FederationRefusal, { key: K }>['values']) => string;
};

const sentences: Record<Locale, Sentences> = {
  en: {
    'stewards-only': ({ act }) =>
      `Only the commons’ stewards ${{ witness: 'choose which logs this instance witnesses', follow: 'follow or unfollow a remote syndicate', block: 'block or unblock an instance' }[act]}.`,
    'not-own-log': () => 'This instance cannot witness its own log: name another instance.',
    'log-unreadable': ({ host, why }) =>
      `No registry log could be read at ${host} (${why}); check the host and try again.`,
  },
  es: {
    'stewards-only': ({ act }) =>
      `Solo los custodios del procomún ${{ witness: 'eligen qué registros atestigua esta instancia', follow: 'siguen o dejan de seguir a un colectivo de otra instancia', block: 'bloquean o desbloquean una instancia' }[act]}.`,
    'not-own-log': () => 'Esta instancia no puede atestiguar su propio registro: indica otra instancia.',
    'log-unreadable': ({ host, why }) =>
      `No se ha podido leer ningún registro público en ${host} (${why}); comprueba el host y vuelve a intentarlo.`,
  },
  nl: {
    'stewards-only': ({ act }) =>
      `Alleen de kredietbeheerders van het gemeengoed ${{ witness: 'kiezen welke logboeken deze instantie bevestigt', follow: 'volgen een collectief op een andere instantie of ontvolgen het', block: 'blokkeren een instantie of heffen de blokkade op' }[act]}.`,
    'not-own-log': () => 'Deze instantie kan haar eigen logboek niet bevestigen: noem een andere instantie.',
    'log-unreadable': ({ host, why }) =>
      `Op ${host} kon geen openbaar logboek worden gelezen (${why}); controleer de host en probeer het opnieuw.`,
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function federationRefusalIn(refusal: FederationRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: FederationRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as an error or a field issue takes them. */
export const federationWords = (refusal: FederationRefusal) => ({
  message: federationRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => federationRefusalIn(refusal, locale),
});
