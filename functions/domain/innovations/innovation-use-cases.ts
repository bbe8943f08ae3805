// What inventors do with records: draft, edit, publish, correct; and what anyone may read.
import { recordIssue, recordWords } from '../i18n/records/record-refusals.ts';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { compareIds } from '../ledger/shares.ts';
import {
  consentState,
  consentsAfter,
  invitedAfter,
  mayEdit,
  missingConsents,
  publicRecord,
  recordPeople,
  requiredConsents,
  roleIn,
  sameTerms,
} from './consent.ts';
import { type AppendedEvent, appendFor, type InnovationDependencies } from './dependencies.ts';
import { retryOnConflict } from '../retry.ts';
import {
  commonsIssues,
  type InnovationInput,
  type InnovationRecord,
  type InnovationVersion,
  inventorIdsOf,
  listingOf,
  maxVersions,
  resolveShares,
} from './innovation.ts';
import { contentHash } from './log-events.ts';

/** Checks a draft's people and commons ids and turns its shares into basis points for everyone. */
async function draftContent(deps: InnovationDependencies, identity: Identity, input: InnovationInput) {
  const inventors = resolveShares(input.inventors, 'body.inventors');
  const issues = commonsIssues(input, deps.commons);
  // Rules a schema cannot say (so a schema-valid draft is refused with 422, not 400).
  if (input.practice === undefined && input.skills.length === 0) {
    issues.push({ field: 'body.skills', ...recordIssue({ key: 'practice-or-skill', values: {} }) });
  }
  if (new Set(input.skills).size !== input.skills.length)
    issues.push({ field: 'body.skills', ...recordIssue({ key: 'skill-twice', values: {} }) });
  if (!inventors.some((inventor) => inventor.personId === identity.personId)) {
    issues.push({ field: 'body.inventors', ...recordIssue({ key: 'include-yourself', values: {} }) });
  }
  const people = await Promise.all(inventors.map((inventor) => deps.people.get(inventor.personId)));
  people.forEach((person, index) => {
    if (!person) {
      issues.push({ field: `body.inventors.${index}.personId`, ...recordIssue({ key: 'not-a-member', values: {} }) });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return { ...input, inventors };
}

export async function createInnovation(
  deps: InnovationDependencies,
  identity: Identity,
  input: InnovationInput,
  id = deps.newId(),
) {
  const content = await draftContent(deps, identity, input);
  const at = deps.now().toISOString();
  const version: InnovationVersion = {
    ...content,
    innovationId: id,
    version: 1,
    status: 'draft',
    createdAt: at,
    createdBy: identity.personId,
    updatedAt: at,
    // The author accepts what they wrote; everyone else named is invited.
    acceptedBy: [identity.personId],
    invited: invitedAfter(null, content.inventors, null, identity.personId),
    rev: 1,
    termsRev: 1,
  };
  const record: InnovationRecord = {
    id,
    status: 'draft',
    currentVersion: 0,
    draftVersion: 1,
    ...listingOf(version),
    ...recordPeople(null, version),
    createdAt: at,
    createdBy: identity.personId,
    updatedAt: at,
    rev: 1,
  };
  await deps.innovations.createDraft(record, version);
  return { record, version };
}

/**
 * A record as its viewer may see it: a draft exists only for the people it names (invited or joined)
 * and the inventors of the version it corrects; who it names stays with them.
 */
export async function viewInnovation(deps: InnovationDependencies, innovationId: string, viewer: Identity | null) {
  const record = await deps.innovations.get(innovationId);
  const versions = record ? await deps.innovations.listVersions(innovationId) : [];
  const published = versions.filter((version) => version.status === 'published');
  const current = published.find((version) => version.version === record?.currentVersion);
  const draft = versions.find((version) => version.version === record?.draftVersion && version.status === 'draft');
  const role = viewer && draft ? roleIn(draft, current ?? null, viewer.personId) : null;
  const visibleDraft = role ? draft : undefined;
  if (!record || (record.status === 'draft' && !visibleDraft)) throw new NotFoundError('innovation', innovationId);
  return {
    record: visibleDraft ? { ...publicRecord(record), draftPeopleIds: record.draftPeopleIds } : publicRecord(record),
    current,
    draft: visibleDraft,
    published,
    /** Inventors of the newest published version may start a correction. */
    canCorrect: !!viewer && !!current && inventorIdsOf(current).includes(viewer.personId) && !draft,
    /** For those who see the draft: what they are to it, and who has yet to accept its terms. */
    consent:
      visibleDraft && role
        ? { role, mayEdit: mayEdit(role), ...consentState(visibleDraft, current ?? null) }
        : undefined,
  };
}

/**
 * The draft as the caller may act on it, with the version it corrects (null for a first draft).
 * Anyone it does not concern is told there is none.
 */
export async function draftFor(deps: InnovationDependencies, identity: Identity, innovationId: string) {
  const record = await deps.innovations.get(innovationId);
  const version = record?.draftVersion ? await deps.innovations.getVersion(innovationId, record.draftVersion) : null;
  const replaced =
    record && version?.replaces ? await deps.innovations.getVersion(innovationId, version.replaces) : null;
  const role = version ? roleIn(version, replaced, identity.personId) : null;
  if (!record || version?.status !== 'draft' || !role) throw new NotFoundError('draft', innovationId);
  return { record, version, replaced, role };
}

/** The draft the caller may edit: an invited person must accept before they edit. */
async function editableDraft(deps: InnovationDependencies, identity: Identity, innovationId: string) {
  const found = await draftFor(deps, identity, innovationId);
  if (!mayEdit(found.role)) {
    throw new ForbiddenError(...recordWords({ key: 'invited', values: {} }));
  }
  return found;
}

export async function updateDraft(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  input: InnovationInput,
) {
  const found = await editableDraft(deps, identity, innovationId);
  const content = await draftContent(deps, identity, input);
  const { version, replaced } = found;
  return saveDraftChange(deps, found, {
    ...content,
    acceptedBy: consentsAfter(version, content.inventors, replaced, identity.personId),
    invited: invitedAfter(version, content.inventors, replaced, identity.personId),
  });
}

/**
 * Saves `change` to a draft as read (`found`), one revision on for both the draft and the record, whose
 * people follow the draft's; a first draft's listing is the draft itself, a correction's waits for
 * its publication. ConflictError if either changed since it was read.
 */
export async function saveDraftChange(
  deps: InnovationDependencies,
  found: { record: InnovationRecord; version: InnovationVersion; replaced: InnovationVersion | null },
  change: Partial<InnovationVersion>,
) {
  const { record, version, replaced } = found;
  const at = deps.now().toISOString();
  const rev = version.rev + 1;
  const termsChanged = change.inventors !== undefined && !sameTerms({ inventors: change.inventors }, version);
  const updated: InnovationVersion = {
    ...version,
    ...change,
    updatedAt: at,
    rev,
    termsRev: termsChanged ? rev : version.termsRev,
  };
  const next: InnovationRecord = {
    ...record,
    ...(record.status === 'draft' ? listingOf(updated) : {}),
    ...recordPeople(replaced, updated),
    updatedAt: at,
    rev: record.rev + 1,
  };
  await deps.innovations.saveDraft(next, updated, { record, versionRev: version.rev });
  return { record: next, version: updated };
}

/** Starts a correction of the newest published version; a repeat returns the draft already started. */
export async function startCorrection(deps: InnovationDependencies, identity: Identity, innovationId: string) {
  const record = await deps.innovations.get(innovationId);
  const current = record?.currentVersion
    ? await deps.innovations.getVersion(innovationId, record.currentVersion)
    : null;
  if (!record || !current || !inventorIdsOf(current).includes(identity.personId)) {
    throw new NotFoundError('innovation', innovationId);
  }
  if (record.draftVersion) {
    const started = await editableDraft(deps, identity, innovationId);
    return { record: started.record, version: started.version };
  }
  if (current.version >= maxVersions) {
    throw new RuleViolationError(
      'too-many-versions',
      ...recordWords({ key: 'too-many-versions', values: { most: maxVersions } }),
    );
  }
  const at = deps.now().toISOString();
  const { contentHash: _hash, publishedAt: _published, ...content } = current;
  const version: InnovationVersion = {
    ...content,
    version: current.version + 1,
    status: 'draft',
    replaces: current.version,
    createdAt: at,
    createdBy: identity.personId,
    updatedAt: at,
    // Its inventors agreed these very terms when they published them: a correction that keeps them
    // needs no one's consent again, one that changes them resets it (consent.ts).
    acceptedBy: inventorIdsOf(current),
    invited: [],
    rev: 1,
    termsRev: 1,
  };
  const next: InnovationRecord = {
    ...record,
    draftVersion: version.version,
    ...recordPeople(current, version),
    updatedAt: at,
    rev: record.rev + 1,
  };
  await deps.innovations.saveDraft(next, version, { record, versionRev: null });
  return { record: next, version };
}

/**
 * Steps: find the draft the caller may see; refuse unless everyone whose consent it needs has accepted
 * its terms; make it published with its content hash; point the record at it; append the publish
 * event, naming who consented; all in one transaction, conditional on the draft's revision and
 * consents as read (an edit or a decline landing first makes it retry and see the new terms), and
 * retried from the reads if the log moved meanwhile.
 */
export async function publishInnovation(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
): Promise<AppendedEvent<{ record: InnovationRecord; version: InnovationVersion }>> {
  return retryOnConflict(async () => {
    const found = await deps.innovations.get(innovationId);
    if (found && !found.draftVersion && found.status === 'published') {
      throw new RuleViolationError('nothing-to-publish', ...recordWords({ key: 'nothing-to-publish', values: {} }));
    }
    const { record, version, replaced } = await draftFor(deps, identity, innovationId);
    const missing = missingConsents(version, replaced);
    if (missing.length > 0) {
      const names = await namesOf(deps, missing);
      throw new RuleViolationError('consent-needed', ...recordWords({ key: 'not-accepted', values: { names } }));
    }
    // Sorted: who consented is a set, and the log records one text per set.
    const consentedBy = requiredConsents(version, replaced).sort(compareIds);
    const at = deps.now().toISOString();
    const published: InnovationVersion = {
      ...version,
      status: 'published',
      publishedAt: at,
      updatedAt: at,
      rev: version.rev + 1,
    };
    published.contentHash = contentHash(published);
    const next: InnovationRecord = {
      ...record,
      status: 'published',
      currentVersion: published.version,
      draftVersion: undefined,
      ...listingOf(published),
      ...recordPeople(published, null),
      publishedAt: record.publishedAt ?? at,
      updatedAt: at,
      rev: record.rev + 1,
    };
    const log = await appendFor(deps, {
      kind: 'publish',
      at,
      innovationId,
      version: published.version,
      replaces: published.replaces ?? null,
      contentHash: published.contentHash,
      inventors: published.inventors,
      consentedBy,
    });
    await deps.innovations.publish(
      { record: next, before: record, version: published, draftRev: version.rev, consentedBy },
      log,
    );
    return { record: next, version: published, logIndex: log.entry.index };
  });
}

/** The names a refused publication says, of who has not accepted yet (an id where a person is gone). */
function namesOf(deps: InnovationDependencies, missing: string[]) {
  return Promise.all(missing.map(async (personId) => (await deps.people.get(personId))?.name ?? personId));
}
