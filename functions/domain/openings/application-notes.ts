// Private notes of a syndicate's admins on an application: what they want to remember about an applicant
// ("strong references; asked about Thursdays"). Only the admins of the opening's syndicate read or write
// them; to everyone else, the applicant included, they do not exist (404). They are markdown, rendered
// by the one safe renderer where shown; they are never notified (stream type `application-note`).
import { lazySchema } from '#domain/zod.ts';
import type { Identity } from '../identity.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { PeopleRepository } from '../people/person.ts';
import { text } from '../text.ts';
import { type ApplicantAccessDependencies, adminApplication } from './applicant-view.ts';

/** A note's text: markdown, up to 4,000 characters. */
export const applicationNoteBodySchema = /* @__PURE__ */ lazySchema(() =>
  text(1, 4000, { multiline: true, label: 'note' }),
);

export interface ApplicationNote {
  id: string;
  openingId: string;
  syndicateId: string;
  /** The person who applied: the note is about them, and never shown to them. */
  applicantId: string;
  authorId: string;
  /** Markdown. */
  body: string;
  at: string;
}

export interface ApplicationNoteRepository {
  /**
   * Creates the note unless one with its id is already there (its id comes from the request's
   * idempotency key, so a request run twice finds its first note): answers the stored note either way.
   */
  createNote(note: ApplicationNote): Promise<ApplicationNote>;
  /** A page of one application's notes, newest first. */
  pageNotes(openingId: string, applicantId: string, request: PageRequest): Promise<Page<ApplicationNote>>;
}

export interface ApplicationNoteDependencies extends ApplicantAccessDependencies {
  applicationNotes: ApplicationNoteRepository;
  people: Pick<PeopleRepository, 'getMany'>;
  newId: () => string;
  now: () => Date;
}

/** Adds a note to an application: an admin of its syndicate only. */
export async function addApplicationNote(
  deps: ApplicationNoteDependencies,
  identity: Identity,
  openingId: string,
  applicantId: string,
  body: string,
): Promise<ApplicationNote> {
  const { application } = await adminApplication(deps, identity, openingId, applicantId);
  return deps.applicationNotes.createNote({
    id: deps.newId(),
    openingId,
    syndicateId: application.syndicateId,
    applicantId,
    authorId: identity.personId,
    body,
    at: deps.now().toISOString(),
  });
}

/** A page of an application's notes, newest first, each with its author's name (one batched read). */
export async function applicationNotes(
  deps: ApplicationNoteDependencies,
  identity: Identity,
  openingId: string,
  applicantId: string,
  request: PageRequest,
): Promise<Page<ApplicationNote & { authorName: string }>> {
  await adminApplication(deps, identity, openingId, applicantId);
  const page = await deps.applicationNotes.pageNotes(openingId, applicantId, request);
  const authors = await deps.people.getMany([...new Set(page.items.map((note) => note.authorId))]);
  return {
    ...page,
    items: page.items.map((note) => ({ ...note, authorName: authors.get(note.authorId)?.name ?? 'A former admin' })),
  };
}
