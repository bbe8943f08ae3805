// The cdk-nag findings this app accepts, each with its reason, on the resource it concerns. What is
// not here was fixed instead (TLS, access logs, password policy, tracing, dead-letter queues,
// redrive, WAF). The infra tests fail on any finding nobody acknowledged.
import { type CfnElement, Stack, Token } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { acknowledge } from './nag.ts';

const basicExecutionRole =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/** Our own functions: what their roles hold beyond their grants, and why a Lambda DLQ would not apply. */
export function acknowledgeFunctions(
  table: ITableV2,
  functions: { synchronous?: IFunction[]; streamOrQueue?: IFunction[]; sweeps?: IFunction[] },
): void {
  const producer = Stack.of(table);
  const tableId = producer.getLogicalId(table.node.defaultChild as CfnElement);
  // After synthesis the table's ARN reaches these policies as an import of the data stack's export;
  // exportValue names that same export (it is what CDK creates for the reference anyway).
  const imported = producer.resolve(producer.exportValue(table.tableArn)) as { 'Fn::ImportValue': string };
  const indexes = "The table's grant covers its global secondary indexes, which the access patterns query by design.";
  const { synchronous = [], streamOrQueue = [], sweeps = [] } = functions;
  for (const fn of [...synchronous, ...streamOrQueue, ...sweeps]) {
    acknowledge(fn, {
      [basicExecutionRole]: 'The managed policy grants only writing to CloudWatch Logs, which every function needs.',
      'AwsSolutions-IAM5[Resource::*]':
        'X-Ray tracing: xray:PutTraceSegments and PutTelemetryRecords take no resource-level permissions.',
      [`AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`]: indexes,
      [`AwsSolutions-IAM5[Resource::${imported['Fn::ImportValue']}/index/*]`]: indexes,
    });
  }
  for (const fn of synchronous) {
    acknowledge(fn, {
      'Serverless-LambdaDLQ':
        'Invoked synchronously by API Gateway: a Lambda dead-letter queue applies only to asynchronous invocations; errors answer 5xx and raise the 5xx alarm.',
    });
  }
  for (const fn of streamOrQueue) {
    acknowledge(fn, {
      'Serverless-LambdaDLQ':
        'Invoked by an event source mapping: failures go to the mapping’s failure queue (stream) or the queue’s dead-letter queue (reindex), not to a Lambda DLQ.',
    });
  }
  for (const sweep of sweeps) {
    acknowledge(sweep, {
      'Serverless-LambdaAsyncFailureDestination':
        'A sweep that fails after its two retries goes to its dead-letter queue (SweepFailures; the witness run’s, WitnessFailures), which an alarm watches.',
    });
  }
}

/** Queues that are themselves the last stop: a dead-letter queue needs no dead-letter queue. */
export function acknowledgeDeadLetterQueues(queues: IQueue[]): void {
  for (const queue of queues) {
    acknowledge(queue, {
      'Serverless-SQSRedrivePolicy': 'This is a dead-letter queue: it is watched by an alarm and redriven by hand.',
    });
  }
}

/** The SES bounce and complaint path (constructs/email.ts). */
export function acknowledgeEmail(email: { eventsFunction: IFunction; linkKey: ISecret }): void {
  acknowledge(email.eventsFunction, {
    [basicExecutionRole]: 'The managed policy grants only writing to CloudWatch Logs, which every function needs.',
    'AwsSolutions-IAM5[Resource::*]':
      'X-Ray tracing: xray:PutTraceSegments and PutTelemetryRecords take no resource-level permissions.',
    'Serverless-LambdaAsyncFailureDestination':
      'An event that fails after its two retries goes to its dead-letter queue (Email/Failures), which an alarm watches, as SNS deliveries that fail do.',
  });
  acknowledge(email.linkKey, {
    'AwsSolutions-SMG4':
      'Every unsubscribe link in mail already sent is signed with this key: rotating it would break them all, so it is replaced by hand, knowingly (README, Deploy).',
  });
}

export function acknowledgeReindexSource(reindex: IFunction): void {
  acknowledge(reindex, {
    'Serverless-LambdaEventSourceMappingDestination':
      'An SQS event source keeps failed messages in the queue; its redrive policy moves them to the reindex dead-letter queue.',
  });
}

/** The federation's delivery queue (constructs/federation-delivery.ts). */
export function acknowledgeFederationDelivery(delivery: { function: IFunction; deadLetters: IQueue }): void {
  acknowledge(delivery.function, {
    'Serverless-LambdaEventSourceMappingDestination':
      'An SQS event source keeps failed messages in the queue (each hidden for its backoff); after the last try its redrive policy moves them to the federation dead-letter queue.',
  });
  acknowledgeDeadLetterQueues([delivery.deadLetters]);
}

export function acknowledgeEdge(parts: {
  distribution: IConstruct;
  originSecret: ISecret;
  logs: IBucket;
  customDomain: boolean;
}): void {
  acknowledge(parts.distribution, {
    'AwsSolutions-CFR1': 'A commons open to the world: no country is shut out.',
    ...(parts.customDomain
      ? {}
      : {
          'AwsSolutions-CFR4':
            'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be changed; set publicUrl and certificateArn to require TLS 1.2.',
        }),
  });
  acknowledge(parts.originSecret, {
    'AwsSolutions-SMG4':
      'CloudFront takes the value at deploy time, so it is rotated by a deploy that replaces the secret, not by a rotation function (README, Deploy).',
  });
  acknowledge(parts.logs, {
    'AwsSolutions-S1': 'This is the access-log bucket itself; logging it into itself would loop.',
  });
}

/**
 * Functions and roles CDK itself creates for a deploy: the site's upload to S3 (BucketDeployment),
 * the SDK calls that invalidate CloudFront and queue the reindex (AwsCustomResource), emptying the
 * buckets on removal, and the cross-region reference. Their findings are listed one by one, so a new
 * permission in a CDK upgrade shows up as a new finding.
 */
export function acknowledgeCdkInternals(stack: Stack, assets: IBucket): void {
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const assetsId = stack.getLogicalId(assets.node.defaultChild as CfnElement);
  const upload = 'The site upload (CDK BucketDeployment) reads CDK’s asset bucket and writes the site’s asset bucket.';
  const internals = stack.node
    .findAll()
    .filter((c) =>
      /^(Custom::CDKBucketDeployment|AWS679f53fac002430cb0da5b7982bd2287|Custom::S3AutoDeleteObjects|Custom::CrossRegion)/.test(
        c.node.id,
      ),
    );
  for (const construct of internals) {
    acknowledge(construct, {
      [basicExecutionRole]: 'A CDK-managed deploy-time function: the managed policy only lets it write its logs.',
      'AwsSolutions-IAM5[Action::s3:GetObject*]': upload,
      'AwsSolutions-IAM5[Action::s3:GetBucket*]': upload,
      'AwsSolutions-IAM5[Action::s3:List*]': upload,
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]': upload,
      'AwsSolutions-IAM5[Action::s3:Abort*]': upload,
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*]`]: upload,
      [`AwsSolutions-IAM5[Resource::<${assetsId}.Arn>/*]`]: upload,
      'AwsSolutions-L1': 'A CDK-managed deploy-time function; CDK chooses its runtime.',
      'Serverless-LambdaDLQ': 'A deploy-time function: CloudFormation reports its failure and rolls back.',
      'Serverless-LambdaTracing': 'A deploy-time function, run once a deploy.',
      'Serverless-LambdaDefaultMemorySize': 'A deploy-time function, run once a deploy.',
      'Serverless-LambdaLatestVersion': 'A CDK-managed deploy-time function; CDK chooses its runtime.',
    });
  }
}

/**
 * The functions given the people-files bucket: their grant is on `cv/*` and `evidence/*` (the CVs and the
 * practical work's photos) and nothing else.
 */
export function acknowledgeFileAccess(files: IBucket, functions: IFunction[]): void {
  const producer = Stack.of(files);
  const bucketId = producer.getLogicalId(files.node.defaultChild as CfnElement);
  const imported = producer.resolve(producer.exportValue(files.bucketArn)) as { 'Fn::ImportValue': string };
  const reason =
    'CVs (cv/) and evidence photos (evidence/) are objects under keys made from person ids; the grant is put, get and delete on those prefixes alone, never list.';
  for (const fn of functions) {
    acknowledge(fn, {
      ...Object.fromEntries(
        ['cv', 'evidence'].flatMap((prefix) => [
          [`AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}/*]`, reason],
          [`AwsSolutions-IAM5[Resource::${imported['Fn::ImportValue']}/${prefix}/*]`, reason],
        ]),
      ),
    });
  }
}
