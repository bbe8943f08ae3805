// Every Guildhall function: Node 24 on arm64, X-Ray tracing with Powertools' tracer from its layer,
// its own log group kept 30 days (JSON lines from Powertools' logger, EMF metrics under one namespace),
// the commons compiled into its bundle, and no secret in its environment. A secret it needs is named
// there (`<VALUE>_SECRET`: a name or ARN) and read at run time (functions/app/secrets.ts); only the
// functions given a secret here are granted to read it.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Architecture, type ILayerVersion, LayerVersion, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { bundleDefines } from '../../functions/config/bundle.ts';
import { providedModules } from '../../functions/platform/lambda-externals.ts';

/**
 * One log group, kept a week, for the functions CDK runs at deploy time (the site upload, the
 * CloudFront invalidation, the reindex messages): without it each would log for ever.
 */
export function deployTimeLogs(scope: Construct): LogGroup {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('DeployTimeLogs');
  if (existing instanceof LogGroup) return existing;
  return new LogGroup(stack, 'DeployTimeLogs', {
    retention: RetentionDays.ONE_WEEK,
    removalPolicy: RemovalPolicy.DESTROY,
  });
}

export const root = join(import.meta.dirname, '../..');

/** The Powertools the code is built and tested with: its layer, at this version, serves the tracer. */
export const powertoolsVersion: string = JSON.parse(
  readFileSync(join(root, 'node_modules/@aws-lambda-powertools/logger/package.json'), 'utf8'),
).version;

/** The SSM parameter AWS publishes with the ARN of Powertools' layer at that version, in each region. */
export const powertoolsLayerParameter = `/aws/service/powertools/typescript/generic/all/${powertoolsVersion}`;

/**
 * Powertools' public layer, one per stack, resolved at deploy time from the installed version. Its tracer
 * (with the X-Ray SDK) is imported on a function's first traced invocation; the bundles leave it out
 * (functions/platform/lambda-externals.ts). Without the layer a function still answers, untraced, and
 * logs why once.
 */
export function powertoolsLayer(scope: Construct): ILayerVersion {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('PowertoolsLayer');
  if (existing) return existing as ILayerVersion;
  return LayerVersion.fromLayerVersionArn(
    stack,
    'PowertoolsLayer',
    StringParameter.valueForStringParameter(stack, powertoolsLayerParameter),
  );
}

/**
 * What every function's logs and metrics are told (functions/config/config.ts): the `service` of each
 * log line and metric, the metrics' namespace, and the lowest level logged. Tracing needs no variable:
 * it is on in AWS, where every function has active X-Ray tracing.
 */
export const telemetryEnvironment = {
  POWERTOOLS_SERVICE_NAME: 'guildhall',
  POWERTOOLS_METRICS_NAMESPACE: 'Guildhall',
  LOG_LEVEL: 'info',
} as const;

/** The variables that name a secret, and the value each one stands for (functions/config/config.ts). */
export type SecretVariable =
  | 'CREDENTIAL_SIGNING_KEY_SECRET'
  | 'MEILISEARCH_KEY_SECRET'
  | 'ORIGIN_VERIFY_SECRET'
  | 'EMAIL_LINK_KEY_SECRET'
  | 'FEDERATION_KEY_SECRET';

export interface GuildhallFunctionProps {
  /** The handler module, relative to the project (or absolute: the site's server entry). */
  entry: string;
  description: string;
  environment: Record<string, string>;
  /** Secrets this function reads at run time; each is granted read access, and only these. */
  secrets?: Partial<Record<SecretVariable, ISecret>>;
  timeout?: Duration;
  /** More files to put beside the bundle (the site's prerendered pages, the API's OpenAPI document). */
  extraFiles?: (inputDir: string, outputDir: string) => string[];
  /** How long its logs are kept. */
  logRetention?: RetentionDays;
  deadLetterQueue?: NodejsFunctionProps['deadLetterQueue'];
  retryAttempts?: number;
}

/**
 * How every function is bundled. `npm run bench:bundle` and test/unit/aws-bundles.test.ts build with
 * these same options (test/support/aws-bundle.ts), so what they measure is what is deployed.
 */
export const awsBundling = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  target: 'node24',
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS and call require(); give ESM bundles one.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  // The Lambda runtime ships the AWS SDK v3, the layer Powertools' tracer: bundling them only adds weight.
  externalModules: providedModules,
  // Marks an AWS bundle, so code that runs only off AWS (the embedded search engine, the local
  // stack, the route table's words) is left out (functions/config/bundle.ts).
  define: { GUILDHALL_AWS_BUNDLE: 'true' },
  // Spanish and Dutch words as UTF-8, not `\u00f3` escapes: a refusal's "’" is 3 bytes, not 6. Node reads
  // its modules as UTF-8, so nothing changes at run time but the bundle's size.
  charset: Charset.UTF8,
} satisfies NodejsFunctionProps['bundling'];

export class GuildhallFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: GuildhallFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const secretNames: Record<string, string> = {};
    for (const [variable, secret] of Object.entries(props.secrets ?? {})) {
      // A secret imported by name is read by that name; one this app owns, by its full ARN.
      secretNames[variable] = secret.secretFullArn ?? secret.secretName;
    }
    super(scope, id, {
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      layers: [powertoolsLayer(scope)],
      logGroup,
      entry: props.entry.startsWith('/') ? props.entry : join(root, props.entry),
      handler: 'handler',
      description: props.description,
      environment: {
        ...telemetryEnvironment,
        ...props.environment,
        ...secretNames,
        NODE_OPTIONS: '--enable-source-maps',
      },
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      ...(props.retryAttempts !== undefined ? { retryAttempts: props.retryAttempts } : {}),
      bundling: {
        ...awsBundling,
        define: { ...awsBundling.define, ...bundleDefines[basename(props.entry, '.ts')] },
        // The commons (courses, skills, guides) travels with each function, compiled to one JSON file
        // (validated here: invalid content fails the synth) and read on first use.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `node "${inputDir}/functions/local/compile-commons.ts" "${outputDir}/commons.json"`,
            ...(props.extraFiles?.(inputDir, outputDir) ?? []),
          ],
        },
      },
    });
    for (const secret of Object.values(props.secrets ?? {})) secret.grantRead(this);
  }
}
