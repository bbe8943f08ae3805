// Fedify's document loaders over the guarded fetch: every actor, key and object Fedify fetches (an
// inbox post's signing key among them) goes through the SSRF guard. The JSON-LD contexts the fediverse
// uses are preloaded in Fedify and never fetched; so is schema.org's, which an opening's Note carries on its
// `jobPosting` (ARCHITECTURE.md, "Following remote syndicates"): as a vocabulary alone, since nothing here
// reads the posting through JSON-LD (its fields are read from the Note fetched again, with zod), and the
// real context is 100 KB of HTML-negotiated JSON that a Note must not make every inbox fetch.
import { type DocumentLoader, preloadedContexts, signRequest } from '@fedify/fedify';
import type { webcrypto } from 'node:crypto';
import type { GuardedFetch } from './guarded-fetch.ts';

const schemaOrg = { '@context': { '@vocab': 'https://schema.org/' } };
const localContexts: Record<string, unknown> = {
  'https://schema.org': schemaOrg,
  'https://schema.org/': schemaOrg,
  'http://schema.org': schemaOrg,
  'http://schema.org/': schemaOrg,
};

const accept = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"';

/** A document loader; with `signer`, each GET is signed (draft-cavage), as servers in secure mode require. */
export function guardedDocumentLoader(
  fetch: GuardedFetch,
  signer?: { keyId: URL; privateKey: webcrypto.CryptoKey },
): DocumentLoader {
  return async (url) => {
    const preloaded = preloadedContexts[url] ?? localContexts[url];
    if (preloaded !== undefined) return { contextUrl: null, documentUrl: url, document: preloaded };
    let request = new Request(url, { headers: { accept } });
    if (signer) request = await signRequest(request, signer.privateKey, signer.keyId);
    const response = await fetch(request);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return { contextUrl: null, documentUrl: url, document: (await response.json()) as unknown };
  };
}
