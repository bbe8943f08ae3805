// Reads a secret's string from AWS Secrets Manager. The SDK client is imported on first use, so a
// function that reads no secret (and the local stack, which keeps values in its environment) never
// loads it; the Lambda runtime provides it, so it adds nothing to a bundle.
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export class SecretUnreadableError extends Error {
  override name = 'SecretUnreadableError';
}

export function createSecretsManagerReader(region: string): (secretId: string) => Promise<string> {
  let client:
    | Promise<{
        client: SecretsManagerClient;
        command: typeof import('@aws-sdk/client-secrets-manager').GetSecretValueCommand;
      }>
    | undefined;
  return async (secretId) => {
    client ??= import('@aws-sdk/client-secrets-manager').then((sdk) => ({
      client: new sdk.SecretsManagerClient({ region }),
      command: sdk.GetSecretValueCommand,
    }));
    const { client: sm, command } = await client;
    let text: string | undefined;
    try {
      text = (await sm.send(new command({ SecretId: secretId }))).SecretString;
    } catch (error) {
      throw new SecretUnreadableError(`The secret ${secretId} could not be read from Secrets Manager.`, {
        cause: error,
      });
    }
    if (text === undefined) throw new SecretUnreadableError(`The secret ${secretId} holds no text (a binary secret?).`);
    return text;
  };
}
