// What a Lambda bundle leaves out because the function's runtime provides it: the AWS SDK (every Node.js
// runtime carries it) and Powertools' tracer with the X-Ray SDK (the Powertools layer carries it, at the
// version installed here; the CDK app attaches that layer to every function). The tracer weighs 127 KB
// and is imported only where tracing is on, on the first invocation (tracing.ts). The logger and metrics
// are bundled: 33 KB, but measured (CPU time of the API bundle's import, SDK loaded first, median of 21
// fresh processes) they add ~5 ms bundled against ~19 ms as separate files from the layer.
// The CDK app bundles with this list and `npm run bench:bundle` measures with it.
export const providedModules = ['@aws-sdk/*', '@aws-lambda-powertools/tracer'];
