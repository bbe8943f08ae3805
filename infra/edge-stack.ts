// What CloudFront needs from us-east-1, whatever region the app runs in: the WAF WebACL (scope
// CLOUDFRONT) with a rate rule per IP. The app stack takes its ARN through a cross-region reference
// (CDK writes it to an SSM parameter in us-east-1 and reads it back at deploy time).
import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface EdgeStackProps extends StackProps {
  /** Requests one IP may make in five minutes before WAF blocks it (pages, assets and API alike). */
  requestsPerIpPer5Minutes: number;
}

export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    if (!Number.isInteger(props.requestsPerIpPer5Minutes) || props.requestsPerIpPer5Minutes < 10) {
      throw new Error(
        `wafRateLimit must be a whole number of at least 10 (WAF's minimum), not ${props.requestsPerIpPer5Minutes}`,
      );
    }
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const acl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Guildhall: a rate limit per IP in front of CloudFront',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('guildhall-web-acl'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.requestsPerIpPer5Minutes,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: visibility('guildhall-rate-limit-per-ip'),
        },
      ],
    });
    this.webAclArn = acl.attrArn;
  }
}
