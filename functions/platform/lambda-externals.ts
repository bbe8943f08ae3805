// What a Lambda bundle leaves out because the function's runtime provides it: the AWS SDK (every Node.js
// runtime carries it) and Powertools (the Powertools layer carries it, at the version installed here: the
// CDK app attaches that layer to every function). Bundled, the logger and metrics would add 33 KB to each
// function; the tracer with the X-Ray SDK 127 KB more, which is why it is imported only where tracing is
// on, on the first invocation (tracing.ts). The CDK app bundles with this list and `npm run bench:bundle`
// measures with it, so the figures are the deployed ones.
export const providedModules = ['@aws-sdk/*', '@aws-lambda-powertools/*'];
