// GuildhallFederation: ActivityPub (issue 20). Its own function, since Fedify alone is 2.7 MB
// (ARCHITECTURE.md, Federation), and its own stack, since what it talks to is other servers, not
// people: its routes (WebFinger, NodeInfo, actors, collections and inboxes), and what delivers its
// activities, live and are watched here.
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ApiStack, type ApiStackProps } from './api-stack.ts';
import { FederationDelivery } from './constructs/federation-delivery.ts';
import type { GuildhallFunction } from './constructs/guildhall-function.ts';
import { acknowledgeFederationDelivery, acknowledgeFunctions } from './nag-acknowledgements.ts';

export interface FederationStackProps extends ApiStackProps {
  /**
   * Secrets Manager name of the instance's ActivityPub key (an RSA private key, PKCS#8 PEM; made once,
   * like the credential key): only the federation function may read it.
   */
  federationKeySecretName?: string | undefined;
}

export class FederationStack extends ApiStack {
  readonly federationApiFunction: GuildhallFunction;

  constructor(scope: Construct, id: string, props: FederationStackProps) {
    super(scope, id, props);
    // It signs with the instance's ActivityPub key, read from its secret at run time.
    const federationKey = Secret.fromSecretNameV2(
      this,
      'FederationKey',
      props.federationKeySecretName ?? 'guildhall/federation-key',
    );
    const federationApiFunction = this.groupFunction(
      'federation-api',
      'FederationApi',
      'functions/handlers/federation-api.ts',
      'Guildhall federation: WebFinger, NodeInfo, ActivityPub actors and inboxes',
      { secrets: { ...this.signs(), FEDERATION_KEY_SECRET: federationKey } },
    );
    this.federationApiFunction = federationApiFunction;
    // A new follower of the commons (a Follow of the Service actor) is sent what exists already: its
    // backfill is queued on the outbox the delivery function consumes, never run in the inbox's request.
    federationApiFunction.addEnvironment('FEDERATION_OUTBOX_QUEUE_URL', this.foundation.federationOutbox.queueUrl);
    this.foundation.federationOutbox.grantSendMessages(federationApiFunction);
    // What it sends (signed Accepts, later Creates) goes through SQS to a delivery function that retries
    // with backoff and parks the last failure in a watched dead-letter queue.
    const federationDelivery = new FederationDelivery(this, 'FederationDelivery', {
      producer: federationApiFunction,
      monitoring: this.monitoring,
      function: { environment: this.foundation.environment, secrets: { FEDERATION_KEY_SECRET: federationKey } },
      // Opening changes from the app stack's stream function, fanned out to the followers here.
      outbox: this.foundation.federationOutbox,
    });
    // It reads the stewards' blocks before each send (a blocked instance is delivered nothing), and for
    // the outbox a syndicate and a page of its followers.
    this.foundation.table.grantReadData(federationDelivery.function);
    acknowledgeFunctions(this.foundation.table, { streamOrQueue: [federationDelivery.function] });
    acknowledgeFederationDelivery(federationDelivery);
  }
}
