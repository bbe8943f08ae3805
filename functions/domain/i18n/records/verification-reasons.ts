// The credential verifier's answer (learning/verify-credential.ts) in each language. The verifier keeps
// its reason as a key and values; its English `reason` (what the API has always answered) is this file's
// English, and the verify page and the API word it in the reader's language. Kept apart from the site's
// catalogue, as problem-titles.ts is, so the API function that verifies bundles this file alone.
import { intlTags, type Locale } from '../locales.ts';
import { type PngDamage, pngDamageIn } from './png-damage.ts';

/** Why what was handed in holds no credential: unwrapping it (credentials/extract.ts), or its JWS. */
export type NotCredentialWhy =
  | 'svg-empty'
  | 'markup'
  | 'not-a-file'
  | 'png-empty'
  | 'png-unreadable'
  | 'not-jws'
  | 'not-achievement';

export type VerificationSaid =
  /** `issuedOn`: the credential's `validFrom`, when it is a date. */
  | { key: 'valid'; values: { issuedOn?: string } }
  | { key: 'altered' | 'unknown-key' | 'other-issuer'; values: Record<string, never> }
  /** `detail`: what is wrong with an unreadable PNG (png-damage.ts words it). */
  | { key: 'not-a-credential'; values: { why: NotCredentialWhy; detail?: PngDamage } };

interface Sentences {
  genuine: (issuedOn: string | undefined) => string;
  altered: string;
  'unknown-key': string;
  'other-issuer': string;
  notCredential: (why: string) => string;
  why: Record<NotCredentialWhy, (detail: PngDamage | undefined) => string>;
}

const sentences: Record<Locale, Sentences> = {
  en: {
    genuine: (on) =>
      `Genuine: signed with this Guildhall’s key and unaltered since it was issued${on ? ` on ${on}` : ''}.`,
    altered:
      'This credential was altered: it has the shape of a Guildhall credential, but its content no longer matches the signature made when it was issued, so nothing it says can be trusted.',
    'unknown-key':
      'This credential was signed by a key this Guildhall does not know: it was not issued here, or its signature was replaced.',
    'other-issuer': 'The signature is this Guildhall’s, but the credential names another issuer.',
    notCredential: (why) => `This is not a credential: ${why}`,
    why: {
      'svg-empty': () => 'this SVG image carries no credential (it has no openbadges:credential element).',
      markup: () => 'this looks like an XML or HTML file, not a credential or badge image.',
      'not-a-file': () => 'this file is neither a credential nor a PNG or SVG badge image.',
      'png-empty': () => 'this PNG image carries no credential (it has no openbadgecredential chunk).',
      'png-unreadable': (detail) =>
        `this PNG image cannot be read: ${detail ? pngDamageIn(detail, 'en') : 'it is damaged'}.`,
      'not-jws': () =>
        'a signed credential is a compact JWS, three base64url parts joined by dots (the text of a .jwt file), or a badge image that carries one.',
      'not-achievement': () => 'it is signed data, but not an Open Badges AchievementCredential.',
    },
  },
  es: {
    genuine: (on) =>
      `Auténtica: firmada con la clave de este Guildhall y sin ningún cambio desde que se emitió${on ? ` el ${on}` : ''}.`,
    altered:
      'Esta credencial se ha alterado: tiene la forma de una credencial de Guildhall, pero su contenido ya no coincide con la firma que se hizo al emitirla, así que no puedes fiarte de nada de lo que dice.',
    'unknown-key':
      'Esta credencial la firmó una clave que este Guildhall no conoce: no se emitió aquí, o alguien sustituyó su firma.',
    'other-issuer': 'La firma es de este Guildhall, pero la credencial nombra a otro emisor.',
    notCredential: (why) => `Esto no es una credencial: ${why}`,
    why: {
      'svg-empty': () => 'esta imagen SVG no lleva ninguna credencial (no tiene el elemento openbadges:credential).',
      markup: () => 'parece un archivo XML o HTML, no una credencial ni una imagen de insignia.',
      'not-a-file': () => 'este archivo no es una credencial ni una imagen de insignia PNG o SVG.',
      'png-empty': () => 'esta imagen PNG no lleva ninguna credencial (no tiene el bloque openbadgecredential).',
      'png-unreadable': (detail) =>
        `esta imagen PNG no se puede leer: ${detail ? pngDamageIn(detail, 'es') : 'está dañada o incompleta'}.`,
      'not-jws': () =>
        'una credencial firmada es un JWS compacto, tres partes en base64url unidas por puntos (el texto de un archivo .jwt), o una imagen de insignia que lo lleve dentro.',
      'not-achievement': () => 'son datos firmados, pero no una AchievementCredential de Open Badges.',
    },
  },
  nl: {
    genuine: (on) =>
      `Echt: ondertekend met de sleutel van deze Guildhall en niet gewijzigd sinds de uitgifte${on ? ` op ${on}` : ''}.`,
    altered:
      'Dit diploma is gewijzigd: het heeft de vorm van een Guildhall-diploma, maar de inhoud klopt niet meer met de handtekening van bij de uitgifte, dus niets wat erin staat is te vertrouwen.',
    'unknown-key':
      'Dit diploma is ondertekend met een sleutel die deze Guildhall niet kent: het is hier niet uitgegeven, of de handtekening is vervangen.',
    'other-issuer': 'De handtekening is van deze Guildhall, maar het diploma noemt een andere uitgever.',
    notCredential: (why) => `Dit is geen diploma: ${why}`,
    why: {
      'svg-empty': () => 'deze SVG-afbeelding bevat geen diploma (er zit geen openbadges:credential-element in).',
      markup: () => 'dit lijkt een XML- of HTML-bestand, geen diploma of badge-afbeelding.',
      'not-a-file': () => 'dit bestand is geen diploma en ook geen PNG- of SVG-badge-afbeelding.',
      'png-empty': () => 'deze PNG-afbeelding bevat geen diploma (er zit geen openbadgecredential-blok in).',
      'png-unreadable': (detail) =>
        `deze PNG-afbeelding is niet te lezen: ${detail ? pngDamageIn(detail, 'nl') : 'ze is beschadigd of onvolledig'}.`,
      'not-jws': () =>
        'een ondertekend diploma is een compacte JWS, drie base64url-delen met punten ertussen (de tekst van een .jwt-bestand), of een badge-afbeelding waarin die zit.',
      'not-achievement': () => 'het zijn ondertekende gegevens, maar geen Open Badges AchievementCredential.',
    },
  },
};

/** A day in words in `locale`: "3 March 2026", "3 de marzo de 2026", "3 maart 2026" (the UTC calendar day). */
export const dayIn = (iso: string, locale: Locale) =>
  new Date(iso).toLocaleDateString(intlTags[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Why there is no credential, as a sentence of its own in `locale` ("This SVG image carries no …"). */
export function notCredentialWhyIn(why: NotCredentialWhy, locale: Locale, detail?: PngDamage): string {
  const words = sentences[locale].why[why](detail);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The verifier's reason in `locale`; in English, the sentence the API has always answered. */
export function verificationReasonIn(said: VerificationSaid, locale: Locale): string {
  const words = sentences[locale];
  switch (said.key) {
    case 'valid':
      return words.genuine(said.values.issuedOn ? dayIn(said.values.issuedOn, locale) : undefined);
    case 'not-a-credential':
      return words.notCredential(words.why[said.values.why](said.values.detail));
    default:
      return words[said.key];
  }
}
