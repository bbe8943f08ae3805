// A Meilisearch search response as the port's SearchResult. Pure; the response is parsed, not trusted.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { SearchHit, SearchQuery, SearchResult } from '#domain/search/search-port.ts';
import { documentFromHit, hitSchema } from './documents.ts';
import { parseAnswer } from './errors.ts';
import { highlightedHtml } from './highlight.ts';
import { pageOf } from './search-request.ts';

const responseSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    hits: z.array(hitSchema()),
    // `totalHits` answers a page/hitsPerPage search; `estimatedTotalHits` an offset/limit one.
    totalHits: z.optional(z.number()),
    estimatedTotalHits: z.optional(z.number()),
    processingTimeMs: z.optional(z.number()),
    facetDistribution: z.optional(z.record(z.string(), z.record(z.string(), z.number()))),
  }),
);

export function mapSearchResponse(response: unknown, query: SearchQuery): SearchResult {
  const answer = parseAnswer(responseSchema(), response, 'the search');
  const hits = answer.hits.map((hit): SearchHit => {
    const document = documentFromHit(hit);
    return {
      document,
      highlighted: {
        title: highlightedHtml(hit._formatted?.title, document.title),
        summary: highlightedHtml(hit._formatted?.summary, document.summary),
      },
    };
  });
  // Every facet asked for is present, empty when no hit has a value, as the embedded engine answers.
  const facets: SearchResult['facets'] = {};
  for (const name of query.facets ?? []) facets[name] = { ...answer.facetDistribution?.[name] };
  return {
    hits,
    total: answer.totalHits ?? answer.estimatedTotalHits ?? hits.length,
    ...pageOf(query),
    facets,
    processingTimeMs: answer.processingTimeMs ?? 0,
  };
}
