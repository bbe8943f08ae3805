import type { APIRoute } from 'astro';
import { credentialFile } from '../../../lib/credential-files.ts';

// The shared credential baked into the PNG badge (an openbadgecredential iTXt chunk).
export const prerender = false;

export const GET: APIRoute = ({ params }) => credentialFile(params.id ?? '', 'png');
