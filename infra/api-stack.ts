// What every API stack is: the functions of some of the API's route groups, each with its routes on
// the app stack's HTTP API (constructs/api-routes.ts), its grants, and its alarms on a dashboard of
// the stack's own that notify the app stack's alarm topic. Stateless through and through: an API stack
// can be deployed, replaced or moved without touching data. Which group lives in which stack, and why
// the API is split at all: ARCHITECTURE.md, "The stacks".
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi, IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { addApiGroupRoutes } from './constructs/api-routes.ts';
import { GuildhallFunction, type GuildhallFunctionProps } from './constructs/guildhall-function.ts';
import type { Identity } from './constructs/identity.ts';
import { meilisearchUrl, type SearchSettings } from './constructs/meilisearch-url.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { acknowledgeFunctions } from './nag-acknowledgements.ts';

/** What the app stack (GuildhallApp) shares with the API stacks. */
export interface ApiFoundation {
  table: ITableV2;
  files: IBucket;
  identity: Identity;
  httpApi: IHttpApi;
  authorizer: IHttpRouteAuthorizer;
  /** The functions' common environment (the table, the stage, the issuer…); the search host is per stack. */
  environment: Record<string, string>;
  search: SearchSettings;
  /** Secrets Manager name of the credential signing key. */
  credentialKeySecretName: string;
  /** The value CloudFront sends in x-origin-verify, which every API function checks. */
  originVerify: ISecret;
  /** Signs the one-click unsubscribe links (the people API keeps email preferences). */
  emailLinkKey: ISecret;
  /** The one topic every alarm notifies. */
  alarms: ITopic;
  /**
   * The federation outbox (issue 20): the table-only stream function queues each opening change for a
   * syndicate's followers there; the federation stack's delivery function consumes it.
   */
  federationOutbox: IQueue;
}

export interface ApiStackProps extends StackProps {
  foundation: ApiFoundation;
}

export class ApiStack extends Stack {
  readonly foundation: ApiFoundation;
  readonly monitoring: Monitoring;
  /** Every group's function in this stack, by the route group's name. */
  readonly groupFunctions: Record<string, GuildhallFunction> = {};
  /** The common environment with this stack's Meilisearch host. */
  readonly withSearch: Record<string, string>;
  private readonly credentialKey: ISecret;
  private readonly searchKey: ISecret;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.foundation = props.foundation;
    this.monitoring = new Monitoring(this, 'Monitoring', { topic: props.foundation.alarms, dashboardName: id });
    // Imported by name in each stack, as the app stack does: nothing to export for them.
    this.credentialKey = Secret.fromSecretNameV2(this, 'CredentialKey', props.foundation.credentialKeySecretName);
    this.searchKey = Secret.fromSecretNameV2(
      this,
      'MeilisearchKey-search',
      props.foundation.search.searchKeySecretName,
    );
    this.withSearch = {
      ...props.foundation.environment,
      MEILISEARCH_URL: meilisearchUrl(this, props.foundation.search),
    };
  }

  /** What every API function reads: the signing key, the search-only key and the origin value. */
  signs(): GuildhallFunctionProps['secrets'] {
    return {
      CREDENTIAL_SIGNING_KEY_SECRET: this.credentialKey,
      MEILISEARCH_KEY_SECRET: this.searchKey,
      ORIGIN_VERIFY_SECRET: this.foundation.originVerify,
    };
  }

  /**
   * The function of one route group, with its routes: all share the composition root, which reads the
   * signing key and the search-only key, so all are given them, and the table.
   */
  groupFunction(
    group: string,
    name: string,
    entry: string,
    description: string,
    extra: Partial<GuildhallFunctionProps> = {},
  ): GuildhallFunction {
    const fn = new GuildhallFunction(this, `${name}Function`, {
      entry,
      description,
      environment: this.withSearch,
      secrets: this.signs(),
      ...extra,
    });
    this.foundation.table.grantReadWriteData(fn);
    this.monitoring.watchFunction(name, fn);
    addApiGroupRoutes(this, {
      httpApi: this.foundation.httpApi,
      authorizer: this.foundation.authorizer,
      group,
      fn,
    });
    acknowledgeFunctions(this.foundation.table, { synchronous: [fn] });
    this.groupFunctions[group] = fn;
    return fn;
  }
}
