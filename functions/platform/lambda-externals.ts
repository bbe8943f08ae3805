// What a Lambda bundle leaves out because the function's runtime provides it: the AWS SDK (every Node.js
// runtime carries it) and Powertools' tracer with the X-Ray SDK (the Powertools layer carries it, at the
// version installed here; the CDK app attaches that layer to every function). The tracer weighs 127 KB
// and is imported only where tracing is on, on the first invocation (tracing.ts). The logger and metrics
// are bundled: 33 KB, but measured (CPU time of the API bundle's import, SDK loaded first, median of 21
// fresh processes) they add ~5 ms bundled against ~19 ms as separate files from the layer. Measured
// again once jose and the meilisearch client's Meilisearch class were gone (the API bundle built both
// ways, its import after the SDK timed in fresh processes taking turns, median of 31; `npm run
// bench:bundle -- --powertools-layer` builds the second way): 274 KB importing in 17 ms of CPU bundled,
// against 241 KB and 35 ms from the layer. Bundled misses the 250 KB size target by 24 KB; the layer
// misses the 20 ms import target by 15 ms, and import time is what a cold request waits on.
// The CDK app bundles with this list and `npm run bench:bundle` measures with it.
export const providedModules = ['@aws-sdk/*', '@aws-lambda-powertools/tracer'];
