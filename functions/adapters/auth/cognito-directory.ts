// The sign-in directory in AWS: the Cognito user pool people sign in with (infra/constructs/identity.ts).
// The pool signs in by email (a username attribute), so each user's username is their `sub`, which is
// the person's id here. The SDK client is imported on first use and provided by the Lambda runtime
// (platform/lambda-externals.ts). A failure is a dependency being unavailable (503, try again), and the
// account deletion that asked resumes from where it stopped.
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { StoreUnavailableError } from '#domain/errors.ts';
import type { SignInDirectory } from '#domain/people/sign-in-directory.ts';

type Sdk = typeof import('@aws-sdk/client-cognito-identity-provider');

export function createCognitoDirectory(options: { userPoolId: string; region: string }): SignInDirectory {
  let loaded: Promise<{ sdk: Sdk; client: CognitoIdentityProviderClient }> | undefined;
  const cognito = () => {
    loaded ??= import('@aws-sdk/client-cognito-identity-provider').then((sdk) => ({
      sdk,
      client: new sdk.CognitoIdentityProviderClient({ region: options.region }),
    }));
    return loaded;
  };
  return {
    async forget(personId) {
      const { sdk, client } = await cognito();
      try {
        await client.send(new sdk.AdminDeleteUserCommand({ UserPoolId: options.userPoolId, Username: personId }));
      } catch (error) {
        if ((error as { name?: string }).name === 'UserNotFoundException') return;
        throw new StoreUnavailableError('The sign-in service is not answering; try again in a moment.', {
          cause: error,
        });
      }
    },
  };
}
