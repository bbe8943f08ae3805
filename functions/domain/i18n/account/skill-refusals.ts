// Why a skill named on a form is refused (content/skill-ref.ts, people/goal.ts): one that names no
// skill, or one listed twice. In each language, for the profile's, the goal's and an opening's forms
// and the API (by Accept-Language). Its own small file: the functions that check skills bundle it alone.
import type { Locale } from '../locales.ts';

/** Where the skill was looked for: ESCO's, the commons' (searchable), or the goal's list of the commons'. */
type Where = 'esco' | 'commons' | 'goal';

export type SkillRefusal =
  | { key: 'unknown-skill'; values: { ref: string; where: Where } }
  | { key: 'skill-twice'; values: Record<string, never> };

interface Sentences {
  unknown: (ref: string, where: Where) => string;
  twice: string;
}

const sentences: Record<Locale, Sentences> = {
  en: {
    unknown: (ref, where) =>
      `"${ref}" is not a skill ${where === 'esco' ? 'in ESCO' : 'of the commons'}: ${where === 'goal' ? 'pick' : 'search the skills and pick'} one from the list.`,
    twice: 'A skill is listed twice; keep it once.',
  },
  es: {
    unknown: (ref, where) =>
      `«${ref}» no es una competencia ${where === 'esco' ? 'de ESCO' : 'del procomún'}: ${where === 'goal' ? 'elige' : 'busca entre las competencias y elige'} una de la lista.`,
    twice: 'Hay una competencia repetida; déjala solo una vez.',
  },
  nl: {
    unknown: (ref, where) =>
      `‘${ref}’ is geen vaardigheid ${where === 'esco' ? 'in ESCO' : 'van het gemeengoed'}: ${where === 'goal' ? 'kies' : 'zoek in de vaardigheden en kies'} er een uit de lijst.`,
    twice: 'Een vaardigheid staat er twee keer in; laat haar maar één keer staan.',
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function skillRefusalIn(refusal: SkillRefusal, locale: Locale): string {
  const words = sentences[locale];
  return refusal.key === 'unknown-skill' ? words.unknown(refusal.values.ref, refusal.values.where) : words.twice;
}

/** The refusal's English and its words in each language, as a field issue takes them. */
export const skillWords = (refusal: SkillRefusal) => ({
  message: skillRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => skillRefusalIn(refusal, locale),
});
