// Why a person's own data is refused (people/profile.ts and its use cases, goal.ts, cv.ts,
// delete-account.ts, export-data.ts, the unsubscribe link's command), in each language: the profile's
// pages and the API (by Accept-Language) say it in the reader's. Kept apart from the site's catalogue,
// as the learning area's refusal files are: people-api bundles this file alone.
import { intlTags, type Locale } from '../locales.ts';

/** What makes a PDF active content (cv.ts `activeNames`), as the refusal names it. */
type Active = 'script' | 'launch' | 'embedded';

export type PeopleRefusal =
  | {
      key:
        | 'stale-profile'
        | 'cv-empty'
        | 'cv-not-pdf'
        | 'cv-bomb'
        | 'foreign-cursor'
        | 'unsubscribe-other'
        | 'not-a-link';
      values: Record<string, never>;
    }
  | { key: 'too-many-skills'; values: { most: number } }
  | { key: 'unknown-path'; values: { path: string } }
  | { key: 'cv-too-large'; values: { most: number; size: number } }
  | { key: 'cv-active'; values: { found: string; active: Active } }
  | { key: 'only-admin'; values: { name: string } };

type Sentences = {
  [K in PeopleRefusal['key']]: (values: Extract<PeopleRefusal, { key: K }>['values']) => string;
};

/** Bytes as megabytes in the reader's numbers: "2.5 MB", "2,5 MB". */
const mb = (bytes: number, locale: Locale) =>
  `${new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;

const sentences: Record<Locale, Sentences> = {
  en: {
    'stale-profile': () =>
      'Your profile was changed elsewhere (in another tab or device) after you opened this copy. Nothing was saved: reload to see the current profile, then make your change again.',
    'too-many-skills': ({ most }) =>
      `You have declared ${most} skills, the most a profile holds: remove one before adding another.`,
    'unknown-path': ({ path }) => `"${path}" is not a path of the commons: pick one from the list of paths.`,
    'cv-empty': () => 'The file is empty: choose your CV as a PDF.',
    'cv-too-large': ({ most, size }) =>
      `A CV may be at most ${mb(most, 'en')}; this file is ${mb(size, 'en')}. Save it smaller (fewer or smaller images) and try again.`,
    'cv-not-pdf': () =>
      'Only a PDF can be a CV, and this file is not one (a PDF starts with %PDF-). Save your CV as a PDF.',
    'cv-bomb': () =>
      'This PDF unpacks to far more than a CV holds, so it cannot be checked. Save it again and upload that.',
    'cv-active': ({ found, active }) =>
      `This PDF carries ${{ script: 'a script', launch: 'a launch action', embedded: 'an embedded file' }[active]} (/${found}), which a CV must not. Print it to a new PDF (or export it again without attachments or scripts) and upload that.`,
    'only-admin': ({ name }) =>
      `You are the only admin of ${name}, which has other members: make one of them an admin (on the syndicate’s page) or hand it over first, then delete your account.`,
    'foreign-cursor': () => 'This cursor is not one this export gave out: start again from the first page.',
    'unsubscribe-other': () => 'This unsubscribe link is for someone else.',
    'not-a-link': () =>
      'This unsubscribe link is not one Guildhall made, or it was cut short: open the link from the email whole, or switch emails off in your settings.',
  },
  es: {
    'stale-profile': () =>
      'Tu perfil se cambió en otro sitio (en otra pestaña o en otro dispositivo) después de que abrieras esta copia. No se ha guardado nada: vuelve a cargar la página para ver el perfil actual y haz tu cambio de nuevo.',
    'too-many-skills': ({ most }) =>
      `Has declarado ${most} competencias, el máximo que admite un perfil: quita una antes de añadir otra.`,
    'unknown-path': ({ path }) => `«${path}» no es un itinerario del procomún: elige uno de la lista de itinerarios.`,
    'cv-empty': () => 'El archivo está vacío: elige tu CV en PDF.',
    'cv-too-large': ({ most, size }) =>
      `Un CV puede ocupar como máximo ${mb(most, 'es')}, y este archivo ocupa ${mb(size, 'es')}. Guárdalo con menos tamaño (con menos imágenes o más pequeñas) y vuelve a intentarlo.`,
    'cv-not-pdf': () =>
      'Solo un PDF puede ser un CV, y este archivo no lo es (un PDF empieza por %PDF-). Guarda tu CV como PDF.',
    'cv-bomb': () =>
      'Este PDF se descomprime en mucho más de lo que cabe en un CV, así que no se puede comprobar. Vuelve a guardarlo y sube esa versión.',
    'cv-active': ({ found, active }) =>
      `Este PDF lleva ${{ script: 'un script', launch: 'una acción de inicio', embedded: 'un archivo incrustado' }[active]} (/${found}), y un CV no puede llevarlo. Imprímelo en un PDF nuevo (o vuelve a exportarlo sin adjuntos ni scripts) y sube ese.`,
    'only-admin': ({ name }) =>
      `Eres la única persona que administra ${name}, que tiene otros miembros: nombra administrador a uno de ellos (en la página del colectivo) o traspásalo antes, y después borra tu cuenta.`,
    'foreign-cursor': () => 'Este cursor no lo ha dado esta exportación: vuelve a empezar desde la primera página.',
    'unsubscribe-other': () => 'Este enlace para darse de baja es de otra persona.',
    'not-a-link': () =>
      'Este enlace para darte de baja no lo ha generado Guildhall, o está cortado: abre el enlace del correo completo, o desactiva los correos en tus ajustes.',
  },
  nl: {
    'stale-profile': () =>
      'Je profiel is ergens anders gewijzigd (in een ander tabblad of op een ander apparaat) nadat je deze versie opende. Er is niets opgeslagen: laad de pagina opnieuw om het huidige profiel te zien en breng je wijziging dan opnieuw aan.',
    'too-many-skills': ({ most }) =>
      `Je hebt ${most} vaardigheden opgegeven, het maximum voor een profiel: haal er een weg voordat je een nieuwe toevoegt.`,
    'unknown-path': ({ path }) =>
      `‘${path}’ is geen leerpad van het gemeengoed: kies er een uit de lijst met leerpaden.`,
    'cv-empty': () => 'Het bestand is leeg: kies je cv als pdf.',
    'cv-too-large': ({ most, size }) =>
      `Een cv mag hoogstens ${mb(most, 'nl')} zijn; dit bestand is ${mb(size, 'nl')}. Sla het kleiner op (minder of kleinere afbeeldingen) en probeer het opnieuw.`,
    'cv-not-pdf': () =>
      'Alleen een pdf kan een cv zijn, en dit bestand is er geen (een pdf begint met %PDF-). Sla je cv op als pdf.',
    'cv-bomb': () =>
      'Deze pdf pakt uit tot veel meer dan in een cv past, dus hij kan niet worden gecontroleerd. Sla hem opnieuw op en upload die versie.',
    'cv-active': ({ found, active }) =>
      `Deze pdf bevat ${{ script: 'een script', launch: 'een startactie', embedded: 'een ingesloten bestand' }[active]} (/${found}), en dat mag niet in een cv. Druk hem af naar een nieuwe pdf (of exporteer hem opnieuw zonder bijlagen of scripts) en upload die.`,
    'only-admin': ({ name }) =>
      `Je bent de enige beheerder van ${name}, dat nog andere leden heeft: maak eerst een van hen beheerder (op de pagina van het collectief) of draag het over, en verwijder daarna je account.`,
    'foreign-cursor': () => 'Deze cursor komt niet van deze export: begin opnieuw bij de eerste pagina.',
    'unsubscribe-other': () => 'Deze afmeldlink is voor iemand anders.',
    'not-a-link': () =>
      'Deze afmeldlink komt niet van Guildhall, of hij is afgebroken: open de link uit de e-mail in zijn geheel, of zet e-mails uit in je instellingen.',
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function peopleRefusalIn(refusal: PeopleRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: PeopleRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as an error or a field issue takes them. */
export const peopleWords = (refusal: PeopleRefusal) => ({
  message: peopleRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => peopleRefusalIn(refusal, locale),
});
