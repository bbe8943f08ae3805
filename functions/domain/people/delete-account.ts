// Deleting an account: the person's data is removed, found by key (person-data.ts), so an item type
// added later under the person's partition, their gsi1 listing or below one of their applications is
// removed too, and so is what such an item names outside them (a saved search's feed address). What
// stays, attached to the person's id (a random subject id that nothing ties to a human once the profile
// is gone, and that no one can sign in as again): their Bound account and its
// entries (so balances still sum to zero), the registry log (hashed: changing an entry would break
// every proof after it), and their inventor links (the shares of published records rest on them).
// Records others share stay too, without the person's own words: an order (a trade with a
// counterparty, its payment on both statements) loses its dispute reason, and a vote (counted in its
// proposal's tally) its reason. Proposal drafts, theirs alone, are removed.
//
// Steps: refuse, before changing anything, when the person is the only admin of a syndicate that has
// other members; record that the deletion started (a cut-short one resumes from here); remove the
// profile (sign-in is refused from now on), the CV file and the sign-in account; leave every syndicate (keeping its counts); remove what is
// kept below each application, then everything the person's partition, listing and kept answers hold,
// and their proposal drafts; take their words out of the orders and votes that stay; record that it is done. Each step can run again: a retry after a fault finishes the work. One
// request removes at most `budget` items and answers `deleting` when more remain: calling again goes on.
import { RuleViolationError } from '../errors.ts';
import { peopleWords } from '../i18n/account/people-refusals.ts';
import { cvFileKey, type FileStore } from '../files/file-store.ts';
import type { Identity } from '../identity.ts';
import { evidenceImageKeys } from '../learning/practical.ts';
import { everyPage } from '../paged-reads.ts';
import { maxPageSize } from '../paging.ts';
import type { Membership, SyndicateRepository } from '../syndicates/syndicate.ts';
import type { SignInDirectory } from './sign-in-directory.ts';
import {
  type AccountDeletion,
  applicationDataScopes,
  type PersonDataPart,
  type PersonDataRepository,
  type StoredItem,
} from './person-data.ts';

export interface DeleteAccountDependencies {
  personData: PersonDataRepository;
  syndicates: Pick<SyndicateRepository, 'get' | 'pageMembershipsOf' | 'changeMembership'>;
  files: Pick<FileStore, 'delete'>;
  signIns: SignInDirectory;
  now: () => Date;
}

export interface DeletionProgress {
  status: AccountDeletion['status'];
  startedAt: string;
  finishedAt?: string | undefined;
  /** Items removed, or cleared of the person's words, by this call. */
  removed: number;
}

/** Kinds that stay under the person's id after deletion (see above); the deletion's own record too. */
const keptTypes = new Set(['inventor-link', 'account-deletion']);

/**
 * The records that stay because others share them, by part, and the fields in them that are the
 * person's own words (what they wrote, not what happened): those are taken out. An order their account
 * received keeps nothing they wrote; one they placed keeps why they disputed it.
 */
export const wordsTakenOut: Partial<Record<PersonDataPart, { type: string; fields: readonly string[] }>> = {
  buying: { type: 'order', fields: ['disputeReason'] },
  votes: { type: 'vote', fields: ['reason'] },
};

/** Items one request removes at most: well inside a function's 10 s at DynamoDB's pace. */
export const deletionBudget = 2_000;

/** Whether removing this membership would leave other members without an admin. */
async function mustHandOver(deps: DeleteAccountDependencies, membership: Membership): Promise<string | undefined> {
  if (membership.status !== 'active' || membership.role !== 'admin') return undefined;
  const syndicate = await deps.syndicates.get(membership.syndicateId);
  if (!syndicate || syndicate.adminCount > 1 || syndicate.memberCount <= 1) return undefined;
  return syndicate.name;
}

export async function deleteAccount(
  deps: DeleteAccountDependencies,
  identity: Identity,
  budget = deletionBudget,
): Promise<DeletionProgress> {
  const { personId } = identity;
  const earlier = await deps.personData.getDeletion(personId);
  if (earlier?.status === 'deleted') return { ...earlier, removed: 0 };

  for await (const page of everyPage((request) => deps.syndicates.pageMembershipsOf(personId, request))) {
    for (const membership of page) {
      const name = await mustHandOver(deps, membership);
      if (name) {
        const { message, wordsIn } = peopleWords({ key: 'only-admin', values: { name } });
        throw new RuleViolationError('hand-over-first', message, { wordsIn });
      }
    }
  }

  const started = await deps.personData.startDeletion({
    personId,
    status: 'deleting',
    startedAt: deps.now().toISOString(),
  });
  // The profile first: from here on nothing shows the person, and getMe refuses rather than remake it.
  await deps.personData.removeProfile(personId);
  await deps.files.delete(cvFileKey(personId));
  // Their sign-in account (email, name, password) with it: each call that resumes asks again.
  await deps.signIns.forget(personId);
  let removed = 0;
  /** Removes what the budget still allows of `refs`; false once it is spent (the next call goes on). */
  const spend = async (refs: string[]) => {
    const now = refs.slice(0, Math.max(0, budget - removed));
    if (now.length > 0) await deps.personData.remove(now);
    removed += now.length;
    return now.length === refs.length && removed < budget;
  };

  // Memberships first, through the syndicates, so member and admin counts stay true. Read again from
  // the start each round: the ones left are the ones still to go.
  for (;;) {
    const page = await deps.syndicates.pageMembershipsOf(personId, { limit: maxPageSize });
    for (const membership of page.items.slice(0, Math.max(0, budget - removed))) {
      const syndicate = await deps.syndicates.get(membership.syndicateId);
      await deps.syndicates.changeMembership(membership, null, { lastMember: syndicate?.memberCount === 1 });
      removed++;
    }
    if (page.items.length === 0) break;
    if (removed >= budget) return progress(started, removed);
  }

  // What is kept below each application (a thread, notes), before the application itself goes.
  for await (const page of pagesOf(deps, personId, 'listed')) {
    for (const application of page.filter((item) => item.type === 'application')) {
      const openingId = String(application.data.openingId);
      for (const scope of applicationDataScopes) {
        for await (const below of everyPage((request) =>
          deps.personData.pageBelowApplication(openingId, personId, request, scope),
        )) {
          if (!(await spend(below.map((item) => item.ref)))) return progress(started, removed);
        }
      }
    }
  }

  for (const part of ['listed', 'own', 'answers', 'inbox', 'drafts'] as const) {
    for await (const page of pagesOf(deps, personId, part)) {
      const going = page.filter((item) => !keptTypes.has(item.type));
      // Evidence photos of practical work are files, found only through their assessment: removed first.
      for (const key of going.flatMap((item) => (item.type === 'assessment' ? evidenceImageKeys(item.data) : [])))
        await deps.files.delete(key);
      // What lies outside the person's keys (a feed address) goes first: it is found only through its item.
      if (!(await spend(going.flatMap((item) => item.attached ?? [])))) return progress(started, removed);
      if (!(await spend(going.map((item) => item.ref)))) return progress(started, removed);
    }
  }

  for (const [part, kept] of Object.entries(wordsTakenOut) as Array<
    [PersonDataPart, { type: string; fields: readonly string[] }]
  >) {
    for await (const page of pagesOf(deps, personId, part)) {
      // Only those still holding some of the words: a resumed deletion does not spend its budget again.
      const worded = page.filter((item) => item.type === kept.type && kept.fields.some((field) => field in item.data));
      for (const item of worded) {
        if (removed >= budget) return progress(started, removed);
        await deps.personData.removeFields(item.ref, kept.fields);
        removed++;
      }
    }
  }

  const finishedAt = deps.now().toISOString();
  await deps.personData.finishDeletion(personId, finishedAt);
  return { status: 'deleted', startedAt: started.startedAt, finishedAt, removed };
}

const progress = (started: AccountDeletion, removed: number): DeletionProgress => ({
  status: 'deleting',
  startedAt: started.startedAt,
  removed,
});

/** The pages of one part, read on from where each page ended (removing items does not lose the place). */
function pagesOf(
  deps: DeleteAccountDependencies,
  personId: string,
  part: PersonDataPart,
): AsyncGenerator<StoredItem[]> {
  return everyPage((request) => deps.personData.page(personId, part, request));
}
