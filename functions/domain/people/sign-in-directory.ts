// Where people's sign-in accounts live (Cognito's user pool in AWS: their email address, name and
// password). Deleting a Guildhall account forgets that sign-in account too, so nothing that names the
// person is left behind the commons' own data.
export interface SignInDirectory {
  /** Forgets the person's sign-in account; one that is gone already is no error (a deletion resumes). */
  forget(personId: string): Promise<void>;
}
