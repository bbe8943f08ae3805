// The esbuild options the CDK app bundles every function with (infra/constructs/guildhall-function.ts),
// for the tests and the benchmark that build the bundles themselves: what they check is what deploys.
import type { BuildOptions } from 'esbuild';
import { bundleDefines } from '#config/bundle.ts';
import { awsBundling } from '../../infra/constructs/guildhall-function.ts';

export const awsBuildOptions = {
  bundle: true,
  minify: awsBundling.minify,
  format: 'esm',
  platform: 'node',
  target: awsBundling.target,
  mainFields: awsBundling.mainFields,
  external: awsBundling.externalModules,
  define: awsBundling.define,
  banner: { js: awsBundling.banner },
  charset: awsBundling.charset,
  logLevel: 'error',
} satisfies BuildOptions;

/** The options one function's bundle is built with: the common ones and its own defines (functions/config/bundle.ts). */
export const awsBuildOptionsFor = (handler: string) =>
  ({ ...awsBuildOptions, define: { ...awsBuildOptions.define, ...bundleDefines[handler] } }) satisfies BuildOptions;
