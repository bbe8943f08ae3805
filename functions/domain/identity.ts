/** Who is calling, as proven by a verified token. Roles and memberships are never taken from here:
 * they come from the data (see `people/`). */
export interface Identity {
  /** The issuer's stable subject id; also the person's id in Guildhall. */
  personId: string;
  email?: string;
  name?: string;
}
