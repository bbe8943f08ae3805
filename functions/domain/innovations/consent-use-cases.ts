// What a person does with a draft that names them (or, as a correction, leaves them out): accept its
// terms or decline and leave; and the drafts waiting for their answer. The rules are in consent.ts.
import { ConflictError } from '../errors.ts';
import { recordWords } from '../i18n/records/record-refusals.ts';
import type { Identity } from '../identity.ts';
import { declined, missingConsents, roleIn } from './consent.ts';
import type { InnovationDependencies } from './dependencies.ts';
import { retryOnConflict } from '../retry.ts';
import type { InnovationRecord, InnovationVersion } from './innovation.ts';
import { draftFor, saveDraftChange } from './innovation-use-cases.ts';

export type ConsentDecision = 'accept' | 'decline';

/**
 * Steps: find the draft the caller may see (404 otherwise); for `accept`, add them to who accepted
 * its terms (and out of the invited); for `decline`, take them off it, their share spread over the
 * others, whose consents then start again; save both over the revisions read, retried on a race.
 * Only the caller's own answer is recorded: nobody can accept or decline for another.
 *
 * An acceptance is of the terms the person read: `seenRev` is the draft revision they read (the
 * site's form sends the one it showed). If the inventors or shares changed after it, or change while
 * this runs (an edit winning the race), the acceptance is refused with 409 instead of being applied,
 * retry after retry, to terms nobody showed them. A decline leaves whatever the terms are.
 */
export async function decideConsent(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  decision: ConsentDecision,
  seenRev?: number,
): Promise<{ decision: ConsentDecision; record?: InnovationRecord; version?: InnovationVersion }> {
  let termsRead: number | undefined;
  const result = await retryOnConflict(async () => {
    const found = await draftFor(deps, identity, innovationId);
    const { record, version, replaced } = found;
    const me = identity.personId;
    if (decision === 'decline') {
      await saveDraftChange(deps, found, declined(version, replaced, me));
      // Whoever declined no longer sees the draft: nothing of it goes back to them.
      return { decision };
    }
    termsRead ??= seenRev ?? version.termsRev;
    if (version.termsRev > termsRead) return 'stale' as const;
    if (version.acceptedBy.includes(me) && !version.invited.includes(me)) return { decision, record, version };
    const saved = await saveDraftChange(deps, found, {
      acceptedBy: [...version.acceptedBy, me],
      invited: version.invited.filter((personId) => personId !== me),
    });
    return { decision, ...saved };
  });
  if (result === 'stale') {
    throw new ConflictError(...recordWords({ key: 'changed-meanwhile', values: {} }));
  }
  return result;
}

/** A draft waiting for the caller's acceptance: a new invitation, changed terms, or their removal. */
export interface ConsentRequest {
  record: InnovationRecord;
  version: InnovationVersion;
  /** Invited: they have not joined this draft yet. Removed: the correction leaves them out. */
  role: 'inventor' | 'invited' | 'removed';
}

/** Of the records linked to the caller, the drafts still waiting for their acceptance (one batch read). */
export async function consentRequests(
  deps: InnovationDependencies,
  identity: Identity,
  records: readonly InnovationRecord[],
): Promise<ConsentRequest[]> {
  const drafted = records.filter((record) => record.draftVersion);
  const versions = await deps.innovations.getVersions(
    drafted.flatMap((record) => [
      { innovationId: record.id, version: record.draftVersion ?? 0 },
      ...(record.currentVersion ? [{ innovationId: record.id, version: record.currentVersion }] : []),
    ]),
  );
  const find = (innovationId: string, version: number) =>
    versions.find((v) => v.innovationId === innovationId && v.version === version) ?? null;
  return drafted.flatMap((record): ConsentRequest[] => {
    const version = find(record.id, record.draftVersion ?? 0);
    const replaced = record.currentVersion ? find(record.id, record.currentVersion) : null;
    if (version?.status !== 'draft') return [];
    const role = roleIn(version, replaced, identity.personId);
    if (!role || !missingConsents(version, replaced).includes(identity.personId)) return [];
    return [{ record, version, role }];
  });
}
