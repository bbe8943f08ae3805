// What the bundler settles at build time. The CDK app's bundling options (and `npm run bench:bundle`)
// define GUILDHALL_AWS_BUNDLE as `true` for every function's AWS bundle; anywhere else (tests, the local
// stack, the build's scripts) it is undeclared. esbuild folds the constant below and leaves out what it
// rules out. This module imports nothing, and must not: esbuild inlines a constant into other modules
// only from a module that imports nothing (no import could read it before it is set).
declare const GUILDHALL_AWS_BUNDLE: true | undefined;

/**
 * Whether the route table carries its documentation (summaries, response descriptions and schemas):
 * everywhere but the AWS bundles, where nothing reads it. The OpenAPI document is generated at build
 * time (functions/local/compile-openapi.ts), from the table as the build sees it.
 */
export const documented = typeof GUILDHALL_AWS_BUNDLE === 'undefined';
