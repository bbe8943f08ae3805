// The file store in AWS: a private S3 bucket (infra/stateful-stack.ts). The SDK client is imported on
// first use and provided by the Lambda runtime (platform/lambda-externals.ts), so no bundle carries it.
// A failure of S3 is the store being unavailable (503, retry later), never a 500.
import type { S3Client } from '@aws-sdk/client-s3';
import { StoreUnavailableError } from '#domain/errors.ts';
import type { FileStore } from '#domain/files/file-store.ts';

type Sdk = typeof import('@aws-sdk/client-s3');

export function createS3FileStore(options: { bucket: string; region: string }): FileStore {
  let loaded: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  const s3 = () => {
    loaded ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({ region: options.region }),
    }));
    return loaded;
  };
  const unavailable = (cause: unknown) =>
    new StoreUnavailableError('The file store is not answering; try again in a moment.', { cause });
  const Bucket = options.bucket;
  return {
    async put(key, bytes, contentType) {
      const { sdk, client } = await s3();
      await client
        .send(new sdk.PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType }))
        .catch((error: unknown) => {
          throw unavailable(error);
        });
    },
    async get(key) {
      const { sdk, client } = await s3();
      try {
        const object = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
        return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return null;
        throw unavailable(error);
      }
    },
    async delete(key) {
      const { sdk, client } = await s3();
      // Deleting a key that is not there succeeds in S3: a retried deletion needs nothing more.
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: key })).catch((error: unknown) => {
        throw unavailable(error);
      });
    },
  };
}
