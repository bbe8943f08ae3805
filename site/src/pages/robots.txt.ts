import type { APIRoute } from 'astro';
import { getServices } from '../lib/services.ts';

export const prerender = false;

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nDisallow: /me/\nDisallow: /auth/\nSitemap: ${getServices().siteUrl}/sitemap.xml\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
