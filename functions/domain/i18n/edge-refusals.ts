// The refusals every API function can give, in each language: a thing not found (errors.ts
// `NotFoundError`, its kinds named below), sign in, a deleted account, too many requests, a body too
// large, not JSON or of another type (http/router.ts), a cursor this list did not give out (paging.ts,
// search-page.ts), the Idempotency-Key's (app/commands/command.ts) and a refused token
// (adapters/auth/token-verifier.ts). The API's problem `detail` says
// them by Accept-Language and the site's forms in the page's language. Kept small: every bundle has it.
import { intlTags, type Locale } from './locales.ts';
import { countIn as count } from './numbers.ts';

/**
 * What `NotFoundError` can name, as Spanish and Dutch say "no such …": with the word for "no" that goes
 * with it in Spanish (ningún colectivo, ninguna vacante). A kind not listed here does not compile.
 */
const kinds = {
  syndicate: ['ningún colectivo', 'collectief'],
  'syndicate you administer': ['ningún colectivo que administres', 'collectief dat je beheert'],
  member: ['ningún miembro', 'lid'],
  membership: ['ninguna pertenencia', 'lidmaatschap'],
  'membership request': ['ninguna solicitud de ingreso', 'lidmaatschapsaanvraag'],
  opening: ['ninguna vacante', 'vacature'],
  application: ['ninguna candidatura', 'sollicitatie'],
  person: ['ninguna persona', 'persoon'],
  cv: ['ningún CV', 'cv'],
  'declared skill': ['ninguna competencia declarada', 'opgegeven vaardigheid'],
  notification: ['ninguna notificación', 'melding'],
  'saved search': ['ninguna búsqueda guardada', 'opgeslagen zoekopdracht'],
  feed: ['ningún canal', 'feed'],
  proposal: ['ninguna propuesta', 'voorstel'],
  'open proposal': ['ninguna propuesta abierta', 'open voorstel'],
  draft: ['ningún borrador', 'concept'],
  innovation: ['ninguna innovación', 'innovatie'],
  version: ['ninguna versión', 'versie'],
  adoption: ['ninguna adopción', 'overname'],
  'value report': ['ningún informe de valor', 'waarderapport'],
  payment: ['ningún pago', 'betaling'],
  'payment request': ['ninguna solicitud de pago', 'betaalverzoek'],
  'work log': ['ningún registro de horas', 'urenregistratie'],
  'log entry': ['ninguna entrada del registro', 'registerregel'],
  'witnessed log': ['ningún registro con testigo', 'register met getuige'],
  order: ['ningún pedido', 'bestelling'],
  offer: ['ninguna oferta', 'aanbod'],
  want: ['ninguna demanda', 'vraag'],
  course: ['ningún curso', 'cursus'],
  'course or practice guide': ['ningún curso ni guía práctica', 'cursus of praktijkgids'],
  lesson: ['ninguna lección', 'les'],
  enrollment: ['ninguna matrícula', 'inschrijving'],
  path: ['ninguna ruta', 'leerpad'],
  credential: ['ninguna credencial', 'diploma'],
  'practical task': ['ninguna tarea práctica', 'praktijkopdracht'],
  'practical tasks of course': ['ningún curso con tareas prácticas', 'cursus met praktijkopdrachten'],
  'practical work': ['ningún trabajo práctico', 'praktijkwerk'],
  image: ['ninguna imagen', 'afbeelding'],
  'shortage snapshot': ['ninguna instantánea de carencias', 'momentopname van tekorten'],
  'remote follow': ['ningún seguimiento remoto', 'volgrelatie op afstand'],
  'instance block': ['ningún bloqueo de instancia', 'blokkade van een instantie'],
} as const satisfies Record<string, readonly [string, string]>;

export type FoundKind = keyof typeof kinds;

/** What a body limit is for, when a route names it: "A CV may be at most 2 MB." */
export type BodyFor = 'cv' | 'photo' | 'activity';

export type EdgeRefusal =
  | { key: 'not-found'; values: { kind: FoundKind; id: string } }
  | { key: 'deleted'; values: { on: string } }
  | { key: 'too-large'; values: { most: number; of?: BodyFor | undefined } }
  | { key: 'cursor'; values: { why?: 'another list' | 'not a cursor' | 'damaged' | undefined } }
  | { key: 'content-type'; values: { type: string } }
  /** A bearer token or session the token verifier refuses (adapters/auth/token-verifier.ts). */
  | { key: 'token'; values: { why: 'future' | 'audience' | 'invalid' } }
  | {
      key: 'sign-in' | 'too-many' | 'invalid' | 'not-json' | 'key-shape' | 'key-reused' | 'key-busy';
      values?: undefined;
    };

type Sentences = {
  [K in EdgeRefusal['key']]: (
    values: NonNullable<Extract<EdgeRefusal, { key: K }>['values']>,
    locale: Locale,
  ) => string;
};

/** 2 MB, 1,5 MB, 256 KB, as the reader's language writes the number. */
const size = (bytes: number, locale: Locale) => {
  const mega = bytes >= 1024 * 1024;
  const amount = bytes / (mega ? 1024 * 1024 : 1024);
  return `${amount.toLocaleString(intlTags[locale], { maximumFractionDigits: 1 })} ${mega ? 'MB' : 'KB'}`;
};
const day = (iso: string, locale: Locale) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString(intlTags[locale], {
    dateStyle: 'long',
    timeZone: 'UTC',
  });

const sentences: Record<Locale, Sentences> = {
  en: {
    'not-found': ({ kind, id }) => `No ${kind} with id "${id}".`,
    'sign-in': () => 'Sign in to do this.',
    deleted: ({ on }) =>
      `This account was deleted on ${on.slice(0, 10)}: everything it held is gone, and it cannot be used again. To start afresh, sign up with a new sign-in.`,
    'too-many': () => 'Too many requests; try again later.',
    invalid: () => 'The request has invalid fields.',
    'too-large': ({ most, of }) =>
      of
        ? `${{ cv: 'A CV', photo: 'A photo', activity: 'An activity' }[of]} may be at most ${size(most, 'en')}.`
        : `The request body is larger than ${most} bytes.`,
    cursor: ({ why }) =>
      `This cursor is not one this list gave out${why ? ` (${why})` : ''}: start again from the first page.`,
    'content-type': ({ type }) => `Send the body as application/json, not ${type || 'no type'}.`,
    'not-json': () => 'The body is not valid JSON.',
    token: ({ why }) =>
      ({
        future: 'The token was issued in the future.',
        audience: 'The token is for another audience.',
        invalid: 'The token is not valid.',
      })[why],
    'key-shape': () => 'An idempotency key is 1 to 128 visible ASCII characters, such as a UUID.',
    'key-reused': () =>
      'This Idempotency-Key was sent with a different request in the last 24 hours: send a new key for a new request.',
    'key-busy': () =>
      'A request with this Idempotency-Key is still being processed: ask again in a moment for its answer.',
  },
  es: {
    'not-found': ({ kind, id }) => `No hay ${kinds[kind][0]} con el id «${id}».`,
    'sign-in': () => 'Inicia sesión para hacer esto.',
    deleted: ({ on }, locale) =>
      `Esta cuenta se eliminó el ${day(on, locale)}: todo lo que contenía ha desaparecido y no se puede volver a usar. Para empezar de nuevo, regístrate con otro inicio de sesión.`,
    'too-many': () => 'Demasiadas peticiones; vuelve a intentarlo más tarde.',
    invalid: () => 'La petición tiene campos no válidos.',
    'too-large': ({ most, of }, locale) =>
      of
        ? `${{ cv: 'Un CV', photo: 'Una foto', activity: 'Una actividad' }[of]} puede ocupar como máximo ${size(most, locale)}.`
        : `El cuerpo de la petición supera los ${count(most, locale)} bytes.`,
    cursor: ({ why }) =>
      `Este cursor no pertenece a esta lista${why ? ` (${{ 'another list': 'es de otra lista', 'not a cursor': 'no es un cursor', damaged: 'está dañado' }[why]})` : ''}: vuelve a empezar desde la primera página.`,
    'content-type': ({ type }) => `Envía el cuerpo como application/json, no como ${type || 'sin tipo'}.`,
    'not-json': () => 'El cuerpo no es un JSON válido.',
    token: ({ why }) =>
      ({
        future: 'El token se emitió en el futuro.',
        audience: 'El token es para otro destinatario.',
        invalid: 'El token no es válido.',
      })[why],
    'key-shape': () => 'Una clave de idempotencia tiene de 1 a 128 caracteres ASCII visibles, como un UUID.',
    'key-reused': () =>
      'Esta Idempotency-Key se envió con otra petición en las últimas 24 horas: usa una clave nueva para una petición nueva.',
    'key-busy': () =>
      'Todavía se está procesando una petición con esta Idempotency-Key: vuelve a preguntar dentro de un momento por su respuesta.',
  },
  nl: {
    'not-found': ({ kind, id }) => `Er is geen ${kinds[kind][1]} met id “${id}”.`,
    'sign-in': () => 'Log in om dit te doen.',
    deleted: ({ on }, locale) =>
      `Dit account is op ${day(on, locale)} verwijderd: alles wat erin stond is weg, en het kan niet meer worden gebruikt. Wil je opnieuw beginnen, meld je dan aan met een nieuwe inlog.`,
    'too-many': () => 'Te veel verzoeken; probeer het later opnieuw.',
    invalid: () => 'Het verzoek heeft ongeldige velden.',
    'too-large': ({ most, of }, locale) =>
      of
        ? `${{ cv: 'Een cv', photo: 'Een foto', activity: 'Een activiteit' }[of]} mag hoogstens ${size(most, locale)} zijn.`
        : `De inhoud van het verzoek is groter dan ${count(most, locale)} bytes.`,
    cursor: ({ why }) =>
      `Deze cursor komt niet van deze lijst${why ? ` (${{ 'another list': 'hij is van een andere lijst', 'not a cursor': 'het is geen cursor', damaged: 'hij is beschadigd' }[why]})` : ''}: begin opnieuw bij de eerste pagina.`,
    'content-type': ({ type }) => `Stuur de inhoud als application/json, niet als ${type || 'zonder type'}.`,
    'not-json': () => 'De inhoud is geen geldige JSON.',
    token: ({ why }) =>
      ({
        future: 'Het token is in de toekomst uitgegeven.',
        audience: 'Het token is voor een andere ontvanger bedoeld.',
        invalid: 'Het token is niet geldig.',
      })[why],
    'key-shape': () => 'Een idempotency-sleutel bestaat uit 1 tot 128 zichtbare ASCII-tekens, zoals een UUID.',
    'key-reused': () =>
      'Deze Idempotency-Key is in de afgelopen 24 uur met een ander verzoek verstuurd: gebruik een nieuwe sleutel voor een nieuw verzoek.',
    'key-busy': () =>
      'Een verzoek met deze Idempotency-Key wordt nog verwerkt: vraag over een moment opnieuw naar het antwoord.',
  },
};

/** The refusal in `locale`: English is the sentence the API has always written. */
export function edgeRefusalIn(refusal: EdgeRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: object, locale: Locale) => string;
  return say(refusal.values ?? {}, locale);
}

/** The refusal's English and its words in each language, as a DomainError or a field issue takes them. */
export const edgeWords = (refusal: EdgeRefusal) => ({
  message: edgeRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => edgeRefusalIn(refusal, locale),
});
