// Guildhall's Astro adapter: on-demand pages are rendered by a handler that takes the same
// API Gateway v2 event as the API Lambda, so one local gateway and one HTTP API serve both.
import type { AstroIntegration } from 'astro';

export default function guildhallAdapter(): AstroIntegration {
  return {
    name: 'guildhall-adapter',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'guildhall-adapter',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./server.ts', import.meta.url),
          supportedAstroFeatures: {
            staticOutput: 'stable',
            hybridOutput: 'stable',
            serverOutput: 'stable',
          },
          adapterFeatures: { buildOutput: 'server' },
        });
      },
    },
  };
}
