// What holds data and must outlive every deploy: the single table. Built from the same definition
// the local stack uses (functions/adapters/dynamodb/table.ts).
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { table } from '../functions/adapters/dynamodb/table.ts';

export interface StatefulStackProps extends StackProps {
  tableName: string;
}

export class StatefulStack extends Stack {
  readonly table: ITableV2;

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
  }
}
