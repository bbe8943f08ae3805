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
export type EntityType = 'person' | 'enrollment' | 'attempt' | 'credential' | 'held-skill';
