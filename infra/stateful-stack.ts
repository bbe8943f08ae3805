// What holds data and must outlive every deploy: the single table (built from the same definition
// the local stack uses, functions/adapters/dynamodb/table.ts) and the bucket of files people upload.
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { table } from '../functions/adapters/dynamodb/table.ts';
import { acknowledge } from './nag.ts';

export interface StatefulStackProps extends StackProps {
  tableName: string;
}

export class StatefulStack extends Stack {
  readonly table: ITableV2;
  /** CVs people upload: private, encrypted, TLS only; read and written by the people API and the site. */
  readonly files: IBucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      tableName: props.tableName,
      partitionKey: key(table.keys.partitionKey),
      sortKey: key(table.keys.sortKey),
      globalSecondaryIndexes: table.indexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
      })),
      billing: Billing.onDemand(),
      dynamoStream: StreamViewType[table.streamView],
      timeToLiveAttribute: table.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Who read or wrote which file, kept 90 days (S3 server access logs need a bucket of their own).
    const fileLogs = new Bucket(this, 'FileAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // S3's log delivery writes with an ACL, which an owner-enforced bucket would refuse.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(fileLogs, {
      'AwsSolutions-S1': 'This is the access-log bucket of the people files; logging it into itself would loop.',
    });
    // Not versioned, on purpose: removing a CV (or deleting an account) must remove the file, not hide it
    // behind a delete marker with every old version kept.
    this.files = new Bucket(this, 'PeopleFiles', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      serverAccessLogsBucket: fileLogs,
      serverAccessLogsPrefix: 'people-files/',
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
