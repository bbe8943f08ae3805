// The process's token verifier: the site's server verifies its session cookie with it, and the local
// gateway verifies bearer tokens with it in API Gateway's place. The API function never verifies a
// token (API Gateway's JWT authorizer has, before it runs), so it is not one of the services: the API's
// bundle leaves it, and the JWKS half of jose, out.
import { type Config, getConfig } from '#config/config.ts';
import { createTokenVerifier, type TokenVerifier } from '#adapters/auth/token-verifier.ts';

/** Built on first use: the remote key set loads Node's fetch machinery (~10 ms). */
export function lazyTokenVerifier(config: Config): TokenVerifier {
  let verifier: TokenVerifier | undefined;
  return async (token) => {
    verifier ??= createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      keys: config.AUTH_JWKS ? { jwks: config.AUTH_JWKS } : { jwksUrl: config.AUTH_JWKS_URL ?? '' },
    });
    return verifier(token);
  };
}

let processVerifier: TokenVerifier | undefined;

/** The process's verifier, from the environment's configuration. */
export function getTokenVerifier(): TokenVerifier {
  processVerifier ??= lazyTokenVerifier(getConfig());
  return processVerifier;
}
