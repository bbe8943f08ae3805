// The port for files people upload (a CV): bytes by a key the server makes, never a name a client
// sent. In AWS a private S3 bucket; on one machine a folder under the local stack's data directory.

export interface FileStore {
  /** Stores the bytes under the key, replacing what was there. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under the key, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the key's bytes; removing what is not there is no error (deletion retries it). */
  delete(key: string): Promise<void>;
}

/**
 * Keys are made here alone, from the person's id written in base64url (letters, digits, `-` and `_`
 * only): a client's file name never reaches a path or an object key, so `../../x` has nowhere to go,
 * and no id (a token's subject is any string) can name a folder either.
 */
export function cvFileKey(personId: string): string {
  return `cv/${Buffer.from(personId, 'utf8').toString('base64url')}.pdf`;
}

/**
 * An evidence photo's key (practical.ts): the learner's id in base64url as above, then ids the server
 * checked (the course and task are the commons', the image id is made here), so nothing a client names
 * reaches the key. All of a learner's evidence sits under one prefix, which the account's deletion clears.
 */
export function evidenceImageKey(personId: string, courseId: string, taskId: string, imageId: string): string {
  return `${evidencePrefix(personId)}${courseId}/${taskId}/${imageId}`;
}
export const evidencePrefix = (personId: string) => `evidence/${Buffer.from(personId, 'utf8').toString('base64url')}/`;
