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
  | { key: 'log-unreadable'; values: { host: string; why: string } }
  | { key: 'instance-blocked'; values: { host: string } }
  | { key: 'actor-name'; values: Record<string, never> }
  /** `why`: the lookup's own failure (English, technical), or none when the instance did not answer. */
  | { key: 'actor-unfound'; values: { actor: string; why?: string | undefined } }
  | { key: 'actor-host'; values: { actor: string; host: string | undefined } }
  | { key: 'actor-kind'; values: { actor: string; type: string } };

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
    'instance-blocked': ({ host }) =>
      `The instance ${host} is blocked here; unblock it before following one of its syndicates.`,
    'actor-name': () => 'Name the syndicate as acct:<syndicate>@<host>.',
    'actor-unfound': ({ actor, why }) =>
      `${actor} could not be found: ${why ?? 'its instance did not answer'}. Check the name and that the instance is up.`,
    'actor-host': ({ actor, host }) => `${actor} names an actor on another host (${host ?? 'none'}).`,
    'actor-kind': ({ actor, type }) =>
      `${actor} is a ${type}, not a syndicate (a Group) nor a commons (an instance’s Service actor).`,
  },
  es: {
    'stewards-only': ({ act }) =>
      `Solo los custodios del procomún ${{ witness: 'eligen qué registros atestigua esta instancia', follow: 'siguen o dejan de seguir a un colectivo de otra instancia', block: 'bloquean o desbloquean una instancia' }[act]}.`,
    'not-own-log': () => 'Esta instancia no puede atestiguar su propio registro: indica otra instancia.',
    'log-unreadable': ({ host, why }) =>
      `No se ha podido leer ningún registro público en ${host} (${why}); comprueba el host y vuelve a intentarlo.`,
    'instance-blocked': ({ host }) =>
      `La instancia ${host} está bloqueada aquí; desbloquéala antes de seguir a uno de sus colectivos.`,
    'actor-name': () => 'Indica el colectivo como acct:<colectivo>@<host>.',
    'actor-unfound': ({ actor, why }) =>
      `No se ha encontrado ${actor}: ${why ?? 'su instancia no respondió'}. Comprueba el nombre y que la instancia esté en marcha.`,
    'actor-host': ({ actor, host }) => `${actor} remite a un actor de otro host (${host ?? 'ninguno'}).`,
    'actor-kind': ({ actor, type }) =>
      `${actor} es un ${type}, no un colectivo (un Group) ni un procomún (el actor Service de una instancia).`,
  },
  nl: {
    'stewards-only': ({ act }) =>
      `Alleen de kredietbeheerders van het gemeengoed ${{ witness: 'kiezen welke logboeken deze instantie bevestigt', follow: 'volgen een collectief op een andere instantie of ontvolgen het', block: 'blokkeren een instantie of heffen de blokkade op' }[act]}.`,
    'not-own-log': () => 'Deze instantie kan haar eigen logboek niet bevestigen: noem een andere instantie.',
    'log-unreadable': ({ host, why }) =>
      `Op ${host} kon geen openbaar logboek worden gelezen (${why}); controleer de host en probeer het opnieuw.`,
    'instance-blocked': ({ host }) =>
      `De instantie ${host} is hier geblokkeerd; hef de blokkade op voordat je een van haar collectieven volgt.`,
    'actor-name': () => 'Noem het collectief als acct:<collectief>@<host>.',
    'actor-unfound': ({ actor, why }) =>
      `${actor} is niet gevonden: ${why ?? 'de instantie gaf geen antwoord'}. Controleer de naam en of de instantie online is.`,
    'actor-host': ({ actor, host }) => `${actor} verwijst naar een actor op een andere host (${host ?? 'geen'}).`,
    'actor-kind': ({ actor, type }) =>
      `${actor} is een ${type}, geen collectief (een Group) en geen gemeengoed (de Service-actor van een instantie).`,
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
