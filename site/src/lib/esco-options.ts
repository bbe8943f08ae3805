// The ESCO skills the opening form offers in each skill row (beside the commons' skills by trade): the
// ones the opening asks for already and, after the form's Find button (which works without JavaScript),
// ESCO's matches for the words sent. Labels come from the search port: stored labels are kept, a URI sent
// back by a refused form is read again, and one search cannot answer leaves the URI as its own label.
import type { Commons } from '#domain/content/commons.ts';
import { escoAttribution } from '#domain/content/esco-names.ts';
import { escoLabelsFrom, isEscoSkillUri } from '#domain/content/skill-ref.ts';
import { suggestSkills } from '#domain/content/suggest-skills.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import { type Translate, translator } from '#domain/i18n/catalogue.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';

/** How many of ESCO's matches Find offers. */
const found = 10;

export async function escoOptions(
  search: Pick<SearchIndex, 'get' | 'search'>,
  commons: Pick<Commons, 'skills' | 'trades'>,
  asked: ReadonlyArray<{ skill: string; label?: string | undefined }>,
  find: string | undefined,
  t: Translate = translator('en'),
): Promise<{ options: Array<{ uri: string; label: string }>; status: string }> {
  const options = new Map<string, string>();
  const unlabelled = asked.filter((s) => isEscoSkillUri(s.skill) && !s.label).map((s) => s.skill);
  const labels = await escoLabelsFrom(search)(unlabelled).catch((error: unknown) => {
    if (error instanceof SearchUnavailableError) return new Map<string, string>();
    throw error;
  });
  for (const s of asked) {
    if (isEscoSkillUri(s.skill)) options.set(s.skill, s.label ?? labels.get(s.skill) ?? s.skill);
  }
  if (!find?.trim()) return { options: [...options].map(([uri, label]) => ({ uri, label })), status: '' };
  const suggested = await suggestSkills({ commons, search }, find, found);
  const fromEsco = suggested.items.filter((item) => item.source === 'esco');
  for (const item of fromEsco) options.set(item.id, item.label);
  const ownCount = suggested.items.length - fromEsco.length;
  const status = suggested.escoUnavailable
    ? t('esco.unavailable')
    : t('esco.found', fromEsco.length, find.trim(), ownCount, escoAttribution);
  return { options: [...options].map(([uri, label]) => ({ uri, label })), status };
}
