/** Who is calling, as proven by a verified token. Roles and memberships are never taken from here:
 * they come from the data (see `people/`). */
export interface Identity {
  /** The issuer's stable subject id; also the person's id in Guildhall. */
  personId: string;
  email?: string;
  /**
   * The name the token claims. Only the first name of a new profile (`getMe`), never shown: whoever
   * holds the token may have chosen it (a Cognito user can edit their own `name`), so every page and
   * answer shows the profile's name instead.
   */
  claimedName?: string;
}
