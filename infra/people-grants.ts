// What the functions that run a person's account commands (the people API and the site) are given
// beyond the table: the CVs and practical work's evidence photos, and the deletion of a sign-in account.
// Declared once for both stacks; the learning API is given the evidence photos alone.
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Identity } from './constructs/identity.ts';

/**
 * A person's files: put, get and delete under the given prefixes alone, no listing. CVs (cv/) and
 * practical work's evidence photos (evidence/, which an account deletion removes) by default.
 */
export function grantPersonFiles(files: IBucket, fn: IFunction, prefixes = ['cv/*', 'evidence/*']): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
      resources: prefixes.map((prefix) => files.arnForObjects(prefix)),
    }),
  );
}

/** An account deletion forgets the person's sign-in account: a user may be deleted from the pool, nothing more. */
export function grantForgetSignIn(identity: Identity, fn: IFunction): void {
  identity.userPool.grant(fn, 'cognito-idp:AdminDeleteUser');
}
