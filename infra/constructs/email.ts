// Mail in AWS: the sender identity (a domain, DKIM-signed), a configuration set every mail is sent
// with, and bounce and complaint handling: the configuration set publishes those events to an SNS topic
// (encrypted with a key SES may use), whose subscriber adds each bouncing or complaining address to the
// suppression list in the table; every mailer checks it before sending. SES's own account-level
// suppression is on for the configuration set too. The key that signs unsubscribe links is made here.
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { GuildhallFunction } from './guildhall-function.ts';
import type { Monitoring } from './monitoring.ts';

export interface EmailProps {
  table: ITableV2;
  monitoring: Monitoring;
  /** The functions' common environment (the table, the stage…). */
  environment: Record<string, string>;
  /** The domain mail comes from (`notifications@<domain>`); its DNS gets the DKIM records SES asks for. */
  senderDomain: string;
}

export class Email extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly events: Topic;
  readonly eventsFunction: GuildhallFunction;
  readonly failures: Queue;
  /** Signs the one-click unsubscribe links (EMAIL_LINK_KEY_SECRET). */
  readonly linkKey: Secret;
  /** What a function that sends mail is told: the sender and the configuration set. */
  readonly sendingEnvironment: Record<string, string>;
  readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.fromAddress = `notifications@${props.senderDomain}`;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new EmailIdentity(this, 'Sender', {
      identity: Identity.domain(props.senderDomain),
      configurationSet: this.configurationSet,
    });
    this.sendingEnvironment = {
      EMAIL_FROM: `Guildhall <${this.fromAddress}>`,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
    };

    // SES publishes to an encrypted topic only with a customer managed key whose policy lets it use it.
    const key = new Key(this, 'EventsKey', {
      description: 'Guildhall: encrypts the SES bounce and complaint events topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.events = new Topic(this, 'Events', {
      displayName: 'Guildhall SES bounces and complaints',
      masterKey: key,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.events),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    // An event the function could not record after Lambda's retries, or SNS could not deliver, waits here.
    this.failures = new Queue(this, 'Failures', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.eventsFunction = new GuildhallFunction(this, 'EventsFunction', {
      entry: 'functions/handlers/email-events.ts',
      description: 'Guildhall email: SES bounces and complaints to the suppression list',
      environment: props.environment,
      deadLetterQueue: this.failures,
      retryAttempts: 2,
    });
    // It only ever puts a suppression item: nothing broader than PutItem on the table.
    this.eventsFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [props.table.tableArn] }),
    );
    this.events.addSubscription(new LambdaSubscription(this.eventsFunction, { deadLetterQueue: this.failures }));
    props.monitoring.watchFunction('EmailEvents', this.eventsFunction);
    props.monitoring.watchQueue(
      'EmailEventFailures',
      this.failures,
      'a bounce or complaint was not recorded: that address may be mailed again until it is redriven',
    );

    this.linkKey = new Secret(this, 'LinkKey', {
      description: 'Guildhall: signs the one-click unsubscribe link in every email',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
  }

  /** Lets a function send as the sender identity, through the configuration set alone. */
  grantSend(fn: IFunction): void {
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.identity.emailIdentityName }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.fromAddress } },
      }),
    );
  }
}
