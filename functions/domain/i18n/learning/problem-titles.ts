// The API's problem+json titles in each language, by the problem's slug (its `type` URI's last part, which
// stays the same in every language). Kept apart from the site's catalogue, as plain-*.ts are: every API
// function bundles them, and the site's words would not fit its 256 kB.
import type { Locale } from '../locales.ts';

const en = {
  validation: 'Your request has invalid fields',
  unauthenticated: 'Sign in required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict with the current state',
  'payload-too-large': 'Request body too large',
  'unsupported-media-type': 'Unsupported media type',
  unprocessable: 'Some values cannot be accepted',
  'rule-violation': 'The change breaks a rule',
  'rate-limited': 'Too many requests',
  busy: 'Too many changes at once',
  'store-unavailable': 'Storage is unavailable',
  'search-unavailable': 'Search is unavailable',
  'not-configured': 'Not configured on this instance',
  'method-not-allowed': 'Method not allowed',
};

export type ProblemSlug = keyof typeof en;

const titles: Record<Locale, Record<ProblemSlug, string>> = {
  en,
  es: {
    validation: 'Tu petición tiene campos no válidos',
    unauthenticated: 'Tienes que entrar',
    forbidden: 'No está permitido',
    'not-found': 'No encontrado',
    conflict: 'Choca con el estado actual',
    'payload-too-large': 'El cuerpo de la petición es demasiado grande',
    'unsupported-media-type': 'Tipo de contenido no admitido',
    unprocessable: 'Algunos valores no se pueden aceptar',
    'rule-violation': 'El cambio incumple una regla',
    'rate-limited': 'Demasiadas peticiones',
    busy: 'Demasiados cambios a la vez',
    'store-unavailable': 'El almacenamiento no está disponible',
    'search-unavailable': 'La búsqueda no está disponible',
    'not-configured': 'No está configurado en esta instancia',
    'method-not-allowed': 'Método no permitido',
  },
  nl: {
    validation: 'Je verzoek heeft ongeldige velden',
    unauthenticated: 'Inloggen vereist',
    forbidden: 'Niet toegestaan',
    'not-found': 'Niet gevonden',
    conflict: 'In strijd met de huidige stand',
    'payload-too-large': 'Inhoud van het verzoek te groot',
    'unsupported-media-type': 'Mediatype niet ondersteund',
    unprocessable: 'Sommige waarden kunnen niet worden aanvaard',
    'rule-violation': 'De wijziging breekt een regel',
    'rate-limited': 'Te veel verzoeken',
    busy: 'Te veel wijzigingen tegelijk',
    'store-unavailable': 'Opslag is niet beschikbaar',
    'search-unavailable': 'Zoeken is niet beschikbaar',
    'not-configured': 'Niet ingesteld op deze instantie',
    'method-not-allowed': 'Methode niet toegestaan',
  },
};

/** A problem's title in the reader's language. */
export const problemTitle = (slug: ProblemSlug, locale: Locale): string => titles[locale][slug];

/** The router's own answers (no route at a path, a method the path does not allow): their `detail`. */
const routerDetails: Record<
  Locale,
  { noRoute: (path: string) => string; allows: (path: string, methods: string) => string }
> = {
  en: { noRoute: (path) => `No API route at ${path}.`, allows: (path, methods) => `${path} allows ${methods}.` },
  es: {
    noRoute: (path) => `No hay ninguna ruta de la API en ${path}.`,
    allows: (path, methods) => `${path} admite ${methods}.`,
  },
  nl: { noRoute: (path) => `Geen API-route op ${path}.`, allows: (path, methods) => `${path} staat ${methods} toe.` },
};

/** The router's detail for a path it has no route at, in the reader's language. */
export const noRouteDetail = (path: string, locale: Locale) => routerDetails[locale].noRoute(path);
/** The router's detail for a method the path does not allow, naming those it does. */
export const allowedDetail = (path: string, methods: readonly string[], locale: Locale) =>
  routerDetails[locale].allows(path, methods.join(', '));
