// Stewards: the bootstrap of a new instance, who grant credit limits before the commons votes them.
// Configuration names them (STEWARDS); the commons removes one by a `remove-steward` proposal, whose
// closing writes the removal with its registry-log entry. A removal outlives the configuration: naming
// the person there again does not undo the vote. Who is a steward now is said here only.

/** A steward the commons removed, by which proposal, when, and at which log entry. */
export interface StewardRemoval {
  personId: string;
  proposalId: string;
  at: string;
  logIndex: number;
}

/** The stewards now: those configured, less those the commons removed. */
export function stewardsNow(configured: readonly string[], removed: readonly Pick<StewardRemoval, 'personId'>[]) {
  const gone = new Set(removed.map((removal) => removal.personId));
  return configured.filter((personId) => !gone.has(personId));
}
