import { defineConfig } from 'astro/config';
import { pageDirectives } from '../functions/http/security-headers.ts';
import guildhallAdapter from './adapter/index.ts';
import { themeScriptHash } from './src/lib/theme.ts';

// Static by default: pages built from `content/` are prerendered; pages whose data changes opt out with
// `export const prerender = false` and are rendered on demand by the adapter's handler.
export default defineConfig({
  output: 'static',
  adapter: guildhallAdapter(),
  site: process.env.SITE_URL ?? 'http://localhost:3000',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  i18n: {
    locales: ['en', 'es', 'nl'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false, fallbackType: 'rewrite' },
    fallback: { es: 'en', nl: 'en' },
  },
  // Each page's script-src and style-src list the hashes of exactly the scripts and styles Astro emits
  // for it; the other directives are the project's one page policy. Not applied by `astro dev`.
  // The one inline script Astro does not hash itself, the theme's (src/lib/theme.ts), is listed by its hash.
  security: { csp: { directives: [...pageDirectives], scriptDirective: { hashes: [themeScriptHash] } } },
  // Shiki colours code with inline styles, which the policy refuses; no page renders Astro markdown.
  markdown: { syntaxHighlight: false },
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
