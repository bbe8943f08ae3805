// Why signing in to the site did not finish (http/oauth.ts `exchangeCode`), in each language: the
// sign-in's callback page (site/src/pages/auth/callback.ts) says it in the reader's. Only the site
// signs in this way, so no function's bundle carries it.
import type { Locale } from '../locales.ts';

export type SignInRefusal =
  | { key: 'not-started' | 'cancelled' | 'no-token'; values?: undefined }
  | { key: 'refused'; values: { status: number } };

type Sentences = {
  [K in SignInRefusal['key']]: (values: NonNullable<Extract<SignInRefusal, { key: K }>['values']>) => string;
};

const sentences: Record<Locale, Sentences> = {
  en: {
    'not-started': () => 'The sign-in did not start here, or took too long; please sign in again.',
    cancelled: () => 'The sign-in was cancelled.',
    refused: ({ status }) => `The sign-in service refused the code (${status}).`,
    'no-token': () => 'The sign-in service sent no ID token.',
  },
  es: {
    'not-started': () => 'El inicio de sesión no empezó aquí o tardó demasiado; vuelve a iniciar sesión.',
    cancelled: () => 'Se canceló el inicio de sesión.',
    refused: ({ status }) => `El servicio de inicio de sesión rechazó el código (${status}).`,
    'no-token': () => 'El servicio de inicio de sesión no envió ningún token de identidad.',
  },
  nl: {
    'not-started': () => 'Het inloggen is hier niet begonnen, of duurde te lang; log opnieuw in.',
    cancelled: () => 'Het inloggen is geannuleerd.',
    refused: ({ status }) => `De inlogdienst heeft de code geweigerd (${status}).`,
    'no-token': () => 'De inlogdienst heeft geen ID-token gestuurd.',
  },
};

/** The refusal in `locale`: English is the sentence the sign-in has always written. */
export function signInRefusalIn(refusal: SignInRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: object) => string;
  return say(refusal.values ?? {});
}

/** The refusal's English and its words in each language, as UnauthenticatedError takes them. */
export const signInWords = (refusal: SignInRefusal) => ({
  message: signInRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => signInRefusalIn(refusal, locale),
});
