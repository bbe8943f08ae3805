// The site's server uses the same composition root as the API Lambda, built once per process.
export { getServices } from '#app/services.ts';
// Its session cookie is verified like any API token (the API function itself never verifies one).
export { getTokenVerifier } from '#app/token-verifier.ts';
