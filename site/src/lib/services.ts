// The site's server uses the same composition root as the API Lambda, built once per process.
export { getServices } from '#app/services.ts';
