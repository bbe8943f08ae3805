// Where Meilisearch runs, read by each stack for its own functions (a stack's SSM parameter is its own,
// so no stack exports it to another).
import type { Construct } from 'constructs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';

/**
 * Where Meilisearch runs, from configuration: a URL from context, or the name of an SSM parameter
 * holding it. Two keys live in Secrets Manager: a search-only key (API and site) and a documents key
 * (the indexer and the reindex). The master key is never given to any function.
 */
export interface SearchSettings {
  url?: string | undefined;
  urlParameterName?: string | undefined;
  searchKeySecretName: string;
  documentsKeySecretName: string;
}

export function meilisearchUrl(scope: Construct, search: SearchSettings): string {
  const url =
    search.url ??
    (search.urlParameterName ? StringParameter.valueForStringParameter(scope, search.urlParameterName) : undefined);
  if (!url) {
    throw new Error('A Meilisearch host is required: set the meilisearchUrl or meilisearchUrlParameter context.');
  }
  return url;
}
