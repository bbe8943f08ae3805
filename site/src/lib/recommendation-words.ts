// A goal, a recommendation's reason and an opening's best-match reason in the page's language: the
// words the domain joins, from i18n/learning/reason-words.ts (the same the API answers by Accept-Language).
import { type RecommendationWords, recommendationWordsIn } from '#domain/i18n/learning/reason-words.ts';
import type { Locale } from '#domain/i18n/locales.ts';

export const recommendationWords = (locale: Locale): RecommendationWords => recommendationWordsIn(locale);
