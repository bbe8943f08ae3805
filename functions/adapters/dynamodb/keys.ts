// Key composition for every entity in the single table, in one place. Each access pattern in the
// repositories uses these builders; nothing else writes a key string.

export const personKeys = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'PROFILE' });

/** An enrollment lives with its learner; gsi1 lists a course's learners (supply for shortages). */
export const enrollmentKeys = (personId: string, courseId: string) => ({
  pk: `PERSON#${personId}`,
  sk: `ENROLL#${courseId}`,
  gsi1pk: `COURSE#${courseId}`,
  gsi1sk: `ENROLL#${personId}`,
});
export const enrollmentPrefix = 'ENROLL#';

/** Attempts sort by number within a course, zero-padded so string order is numeric order. */
export const attemptKeys = (personId: string, courseId: string, attempt: number) => ({
  pk: `PERSON#${personId}`,
  sk: `ATTEMPT#${courseId}#${String(attempt).padStart(4, '0')}`,
});

/** A credential by id; gsi1 lists a person's credentials by issue date. */
export const credentialKeys = (credentialId: string, personId: string, issuedAt: string) => ({
  pk: `CRED#${credentialId}`,
  sk: 'CRED',
  gsi1pk: `PERSON#${personId}`,
  gsi1sk: `CRED#${issuedAt}`,
});
export const credentialLookup = (credentialId: string) => ({ pk: `CRED#${credentialId}`, sk: 'CRED' });

/** A skill a person holds by credential; gsi1 lists a skill's holders (supply for shortages). */
export const heldSkillKeys = (personId: string, skillId: string) => ({
  pk: `PERSON#${personId}`,
  sk: `SKILL#${skillId}`,
  gsi1pk: `SKILL#${skillId}`,
  gsi1sk: `PERSON#${personId}`,
});
export const heldSkillPrefix = 'SKILL#';

/** Marks what an item is; the stream indexer dispatches on it. */
export type EntityType =
  | 'person'
  | 'enrollment'
  | 'attempt'
  | 'credential'
  | 'held-skill'
  | 'syndicate'
  | 'membership'
  | 'opening'
  | 'application';

/** A syndicate; gsi1 lists all syndicates by name. */
export const syndicateKeys = (syndicateId: string, name: string) => ({
  pk: `SYND#${syndicateId}`,
  sk: 'SYND',
  gsi1pk: 'SYNDICATES',
  gsi1sk: `${name.toLowerCase()}#${syndicateId}`,
});
export const syndicateLookup = (syndicateId: string) => ({ pk: `SYND#${syndicateId}`, sk: 'SYND' });

/** A membership lives with its syndicate; gsi1 lists a person's memberships. */
export const membershipKeys = (syndicateId: string, personId: string) => ({
  pk: `SYND#${syndicateId}`,
  sk: `MEMBER#${personId}`,
  gsi1pk: `PERSON#${personId}`,
  gsi1sk: `MEMBER#${syndicateId}`,
});

/** An opening; gsi1 lists openings by status and date, gsi2 a syndicate's openings. */
export const openingKeys = (opening: {
  id: string;
  syndicateId: string;
  status: string;
  datePosted?: string | undefined;
  createdAt: string;
}) => ({
  pk: `OPENING#${opening.id}`,
  sk: 'OPENING',
  gsi1pk: `OPENINGS#${opening.status}`,
  gsi1sk: `${opening.datePosted ?? opening.createdAt}#${opening.id}`,
  gsi2pk: `SYND#${opening.syndicateId}`,
  gsi2sk: `OPENING#${opening.createdAt}#${opening.id}`,
});
export const openingLookup = (openingId: string) => ({ pk: `OPENING#${openingId}`, sk: 'OPENING' });

/** One application per person and opening: the key itself makes a second impossible. */
export const applicationKeys = (openingId: string, personId: string, createdAt: string) => ({
  pk: `OPENING#${openingId}`,
  sk: `APPLY#${personId}`,
  gsi1pk: `PERSON#${personId}`,
  gsi1sk: `APPLY#${createdAt}#${openingId}`,
});
export const applicationLookup = (openingId: string, personId: string) => ({
  pk: `OPENING#${openingId}`,
  sk: `APPLY#${personId}`,
});
