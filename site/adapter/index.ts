// Guildhall's Astro adapter: on-demand pages are rendered by a handler that takes the same
// API Gateway v2 event as the API Lambda, so one local gateway and one HTTP API serve both.
// With `staticHeaders`, Astro sends each on-demand page's Content-Security-Policy (its script and
// style hashes) as a response header instead of a <meta> (which cannot carry frame-ancestors), and
// hands over the prerendered pages' policies after the build; they are written beside the server
// bundle for whoever serves those files (see functions/http/prerendered-policies.ts).
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { pageKey, prerenderedPoliciesFile } from '../../functions/http/prerendered-policies.ts';

export default function guildhallAdapter(): AstroIntegration {
  let serverDir: URL | undefined;
  return {
    name: 'guildhall-adapter',
    hooks: {
      'astro:config:done': ({ setAdapter, config }) => {
        serverDir = config.build.server;
        setAdapter({
          name: 'guildhall-adapter',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./server.ts', import.meta.url),
          supportedAstroFeatures: {
            staticOutput: 'stable',
            hybridOutput: 'stable',
            serverOutput: 'stable',
          },
          adapterFeatures: { buildOutput: 'server', staticHeaders: true },
        });
      },
      'astro:build:generated': ({ routeToHeaders }) => {
        if (!serverDir) throw new Error('guildhall-adapter: astro:config:done did not run');
        const policies: Record<string, string> = {};
        for (const [pathname, { headers }] of routeToHeaders) {
          const policy = headers.get('content-security-policy');
          if (policy) policies[pageKey(pathname)] = policy;
        }
        writeFileSync(new URL(prerenderedPoliciesFile, serverDir), `${JSON.stringify(policies, null, 1)}\n`);
      },
    },
  };
}
