import type { APIRoute } from 'astro';
import { credentialFile } from '../../../lib/credential-files.ts';

// The shared credential as its compact JWS, the file verifiers and wallets take.
export const prerender = false;

export const GET: APIRoute = ({ params }) => credentialFile(params.id ?? '', 'jwt');
