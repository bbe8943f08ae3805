// What inventors do with records: draft, edit, publish, correct; and what anyone may read.
import { NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { type AppendedEvent, appendFor, type InnovationDependencies, retryOnConflict } from './dependencies.ts';
import {
  commonsIssues,
  type InnovationInput,
  type InnovationRecord,
  type InnovationVersion,
  inventorIdsOf,
  listingOf,
  resolveShares,
} from './innovation.ts';
import { contentHash } from './log-events.ts';

/** Checks a draft's people and commons ids and turns its shares into basis points for everyone. */
async function draftContent(deps: InnovationDependencies, identity: Identity, input: InnovationInput) {
  const inventors = resolveShares(input.inventors, 'body.inventors');
  const issues = commonsIssues(input, deps.commons);
  // Rules a schema cannot say (so a schema-valid draft is refused with 422, not 400).
  if (input.practice === undefined && input.skills.length === 0) {
    issues.push({ field: 'body.skills', message: 'name the practice guide or at least one skill it improves' });
  }
  if (new Set(input.skills).size !== input.skills.length)
    issues.push({ field: 'body.skills', message: 'lists a skill twice' });
  if (!inventors.some((inventor) => inventor.personId === identity.personId)) {
    issues.push({ field: 'body.inventors', message: 'must include you: only inventors edit a draft' });
  }
  const people = await Promise.all(inventors.map((inventor) => deps.people.get(inventor.personId)));
  people.forEach((person, index) => {
    if (!person) issues.push({ field: `body.inventors.${index}.personId`, message: 'is not a Guildhall member' });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return { ...input, inventors };
}

const union = (...lists: string[][]) => [...new Set(lists.flat())];

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
  };
  const record: InnovationRecord = {
    id,
    status: 'draft',
    currentVersion: 0,
    draftVersion: 1,
    ...listingOf(version),
    inventorIds: inventorIdsOf(version),
    createdAt: at,
    createdBy: identity.personId,
    updatedAt: at,
    rev: 1,
  };
  await deps.innovations.createDraft(record, version);
  return { record, version };
}

/** A record as its viewer may see it: a draft exists only for its inventors. */
export async function viewInnovation(deps: InnovationDependencies, innovationId: string, viewer: Identity | null) {
  const record = await deps.innovations.get(innovationId);
  const isInventorOf = (version: InnovationVersion | null) =>
    !!viewer && !!version?.inventors.some((inventor) => inventor.personId === viewer.personId);
  const versions = record ? await deps.innovations.listVersions(innovationId) : [];
  const draft = versions.find((version) => version.version === record?.draftVersion && version.status === 'draft');
  const visibleDraft = draft && isInventorOf(draft) ? draft : undefined;
  if (!record || (record.status === 'draft' && !visibleDraft)) throw new NotFoundError('innovation', innovationId);
  const published = versions.filter((version) => version.status === 'published');
  const current = published.find((version) => version.version === record.currentVersion);
  return {
    record,
    current,
    draft: visibleDraft,
    published,
    /** Inventors of the newest published version may start a correction. */
    canCorrect: isInventorOf(current ?? null) && !draft,
  };
}

/** The draft the caller may edit; anyone else is told there is none. */
async function editableDraft(deps: InnovationDependencies, identity: Identity, innovationId: string) {
  const record = await deps.innovations.get(innovationId);
  const version = record?.draftVersion ? await deps.innovations.getVersion(innovationId, record.draftVersion) : null;
  if (!record || version?.status !== 'draft' || !inventorIdsOf(version).includes(identity.personId)) {
    throw new NotFoundError('draft', innovationId);
  }
  return { record, version };
}

export async function updateDraft(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  input: InnovationInput,
) {
  const { record, version } = await editableDraft(deps, identity, innovationId);
  const content = await draftContent(deps, identity, input);
  const at = deps.now().toISOString();
  const updated: InnovationVersion = { ...version, ...content, updatedAt: at };
  const current = record.currentVersion ? await deps.innovations.getVersion(innovationId, record.currentVersion) : null;
  const next: InnovationRecord = {
    ...record,
    // A correction's listing waits for its publication; a first draft's is the draft itself.
    ...(record.status === 'draft' ? listingOf(updated) : {}),
    inventorIds: union(current ? inventorIdsOf(current) : [], inventorIdsOf(updated)),
    updatedAt: at,
    rev: record.rev + 1,
  };
  await deps.innovations.saveDraft(next, updated, record);
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
  if (record.draftVersion) return editableDraft(deps, identity, innovationId);
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
  };
  const next: InnovationRecord = { ...record, draftVersion: version.version, updatedAt: at, rev: record.rev + 1 };
  await deps.innovations.saveDraft(next, version, record);
  return { record: next, version };
}

/**
 * Steps: find the caller's draft; make it published with its content hash; point the record at it;
 * append the publish event; all in one transaction, retried from the reads if the log moved meanwhile.
 */
export async function publishInnovation(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
): Promise<AppendedEvent<{ record: InnovationRecord; version: InnovationVersion }>> {
  return retryOnConflict(async () => {
    const record = await deps.innovations.get(innovationId);
    if (record && !record.draftVersion && record.status === 'published') {
      throw new RuleViolationError('nothing-to-publish', 'This record has no draft to publish.');
    }
    const { version } = await editableDraft(deps, identity, innovationId);
    if (!record) throw new NotFoundError('draft', innovationId);
    const at = deps.now().toISOString();
    const published: InnovationVersion = { ...version, status: 'published', publishedAt: at, updatedAt: at };
    published.contentHash = contentHash(published);
    const next: InnovationRecord = {
      ...record,
      status: 'published',
      currentVersion: published.version,
      draftVersion: undefined,
      ...listingOf(published),
      inventorIds: inventorIdsOf(published),
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
    });
    await deps.innovations.publish(next, published, record, log);
    return { record: next, version: published, logIndex: log.entry.index };
  });
}

export interface RegistryFilter {
  q?: string | undefined;
  trade?: string | undefined;
  skill?: string | undefined;
  practice?: string | undefined;
  adopted?: boolean | undefined;
}

/** Published records matching every filter, newest first. */
export async function registry(deps: InnovationDependencies, filter: RegistryFilter) {
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const tradesOf = (record: InnovationRecord) => {
    const practice = record.practice ? deps.commons.practices.get(record.practice) : undefined;
    return new Set([practice?.trade, ...record.skills.map((skill) => deps.commons.skills.get(skill)?.trade)]);
  };
  return (await deps.innovations.listPublished())
    .filter((record) => words.every((word) => record.title.toLowerCase().includes(word)))
    .filter((record) => !filter.trade || tradesOf(record).has(filter.trade as never))
    .filter((record) => !filter.skill || record.skills.includes(filter.skill))
    .filter((record) => !filter.practice || record.practice === filter.practice)
    .filter((record) => filter.adopted === undefined || (record.adopterCount ?? 0) > 0 === filter.adopted);
}
