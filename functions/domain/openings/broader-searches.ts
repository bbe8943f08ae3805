// What the board suggests when nothing matches: the same search with one filter dropped, a nearby trade
// or a related skill, and the skills in shortage (where openings are). Pure; each suggestion is a query
// the board page takes, so a suggestion is a plain link, worded in the reader's language (`t`).
import type { Commons } from '../content/commons.ts';
import type { Translate } from '../i18n/catalogue.ts';
import type { BoardFilter } from './board.ts';

export interface BoardSearch extends Omit<BoardFilter, 'syndicateId'> {
  text?: string | undefined;
}

export interface Suggestion {
  label: string;
  search: BoardSearch;
}

/** Trades next to `trade`: those whose skills its skills name as related, most links first. */
export function nearbyTrades(trade: string, commons: Pick<Commons, 'skills'>): string[] {
  const links = new Map<string, number>();
  for (const skill of commons.skills.values()) {
    for (const related of skill.related) {
      const other = commons.skills.get(related);
      if (!other) continue;
      // A relation counts in either direction: from this trade out, or from another trade in.
      const pair = skill.trade === trade ? other.trade : other.trade === trade ? skill.trade : undefined;
      if (pair && pair !== trade) links.set(pair, (links.get(pair) ?? 0) + 1);
    }
  }
  return [...links].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([t]) => t);
}

export function broaderSearches(
  search: BoardSearch,
  commons: Pick<Commons, 'skills' | 'trades'>,
  shortage: readonly string[],
  t: Translate,
  limit = 3,
): Suggestion[] {
  const skillLabel = (id: string) => commons.skills.get(id)?.label ?? id;
  const tradeLabel = (id: string) => commons.trades.find((t) => t.id === id)?.label ?? id;
  const without = (key: keyof BoardSearch): BoardSearch => {
    const { [key]: _dropped, ...rest } = search;
    return rest;
  };
  const suggestions: Suggestion[] = [];
  if (search.text) suggestions.push({ label: t('broader.withoutWords', search.text), search: without('text') });
  if (search.skill)
    suggestions.push({ label: t('broader.anySkill', skillLabel(search.skill)), search: without('skill') });
  if (search.trade)
    suggestions.push({ label: t('broader.anyTrade', tradeLabel(search.trade)), search: without('trade') });
  if (search.place) suggestions.push({ label: t('broader.anywhere', search.place), search: without('place') });
  if (search.remote !== undefined)
    suggestions.push({
      label: t(search.remote ? 'broader.onSiteToo' : 'broader.remoteToo'),
      search: without('remote'),
    });
  if (search.payUnit) suggestions.push({ label: t('broader.anyUnit'), search: without('payUnit') });

  if (search.trade) {
    for (const trade of nearbyTrades(search.trade, commons).slice(0, 2)) {
      suggestions.push({ label: t('broader.nearbyTrade', tradeLabel(trade)), search: { ...search, trade } });
    }
  }
  if (search.skill) {
    for (const related of (commons.skills.get(search.skill)?.related ?? []).slice(0, 2)) {
      suggestions.push({
        label: t('broader.relatedSkill', skillLabel(related)),
        search: { ...search, skill: related },
      });
    }
  }
  for (const skill of shortage.filter((s) => s !== search.skill).slice(0, limit)) {
    suggestions.push({ label: t('broader.inShortage', skillLabel(skill)), search: { skill } });
  }
  return suggestions;
}
