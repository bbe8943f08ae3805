import { defineConfig } from 'astro/config';
import guildhallAdapter from './adapter/index.ts';

// Static by default: pages built from `content/` are prerendered; pages whose data changes opt out with
// `export const prerender = false` and are rendered on demand by the adapter's handler.
export default defineConfig({
  output: 'static',
  adapter: guildhallAdapter(),
  site: process.env.SITE_URL ?? 'http://localhost:3000',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  vite: {
    server: {
      proxy: process.env.GUILDHALL_API_ORIGIN
        ? {
            '/api': process.env.GUILDHALL_API_ORIGIN,
            '/auth': process.env.GUILDHALL_API_ORIGIN,
          }
        : {},
    },
  },
});
