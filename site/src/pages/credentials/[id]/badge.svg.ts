import type { APIRoute } from 'astro';
import { credentialFile } from '../../../lib/credential-files.ts';

// The shared credential baked into the SVG badge (an openbadges:credential element).
export const prerender = false;

export const GET: APIRoute = ({ params }) => credentialFile(params.id ?? '', 'svg');
