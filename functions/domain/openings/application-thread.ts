// One message thread per application, between the applicant and the syndicate's admins. Nobody
// else may read or write it: to them it does not exist (404), as every foreign object here.
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { hiringWords } from '../i18n/work/hiring-refusals.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { PeopleRepository } from '../people/person.ts';
import { isAdmin, type SyndicateDependencies } from '../syndicates/syndicate-use-cases.ts';
import type { Application } from './application.ts';
import type { OpeningRepository } from './opening-repository.ts';
import type { ApplicationStatus } from './stages.ts';

/**
 * A message of a thread. The item's `type` is `application-message`; the notification producer tells
 * the side that did not write it (`authorId` is the applicant or one of the admins). A message sent
 * with a stage change carries that `stage`: the stage change is the event, not a second one.
 */
export interface ApplicationMessage {
  openingId: string;
  syndicateId: string;
  applicantId: string;
  authorId: string;
  messageId: string;
  at: string;
  /** Markdown, rendered with renderMarkdown wherever it is shown. */
  body: string;
  stage?: ApplicationStatus | undefined;
}

export interface ThreadRepository {
  /** A page of one application's messages, newest first. */
  pageMessages(openingId: string, applicantId: string, request: PageRequest): Promise<Page<ApplicationMessage>>;
  /** Adds a message once: adding the same `messageId` again changes nothing and answers the first. */
  addMessage(message: ApplicationMessage): Promise<ApplicationMessage>;
}

export interface ThreadDependencies extends SyndicateDependencies {
  openings: Pick<OpeningRepository, 'getApplication'>;
  threads: ThreadRepository;
  people: Pick<PeopleRepository, 'getMany'>;
  newId: () => string;
}

/** Which side of the thread the viewer is on. */
export type ThreadSide = 'applicant' | 'syndicate';

/**
 * The application, if the viewer is its applicant or an admin of its syndicate; NotFoundError for
 * anyone else, and for an application that does not exist, alike.
 */
export async function applicationInThread(
  deps: Pick<ThreadDependencies, 'openings' | 'syndicates'>,
  identity: Identity,
  openingId: string,
  applicantId: string,
): Promise<{ application: Application; side: ThreadSide }> {
  const application = await deps.openings.getApplication(openingId, applicantId);
  if (application && application.personId === identity.personId) return { application, side: 'applicant' };
  if (application && (await isAdmin(deps, application.syndicateId, identity.personId)))
    return { application, side: 'syndicate' };
  throw new NotFoundError('application', applicantId);
}

/** A page of the thread, newest first, each message with its author's name (read in one batch). */
export async function readThread(
  deps: ThreadDependencies,
  identity: Identity,
  openingId: string,
  applicantId: string,
  request: PageRequest,
) {
  const { application, side } = await applicationInThread(deps, identity, openingId, applicantId);
  const page = await deps.threads.pageMessages(openingId, applicantId, request);
  const people = await deps.people.getMany([...new Set(page.items.map((m) => m.authorId))]);
  return {
    application,
    side,
    messages: {
      ...page,
      items: page.items.map((message) => ({
        ...message,
        authorName: people.get(message.authorId)?.name ?? 'A former member',
        fromApplicant: message.authorId === message.applicantId,
      })),
    },
  };
}

/** A message from either side. A withdrawn application's thread is kept to read, and closed to writing. */
export async function postMessage(
  deps: ThreadDependencies,
  identity: Identity,
  openingId: string,
  applicantId: string,
  body: string,
): Promise<ApplicationMessage> {
  const { application } = await applicationInThread(deps, identity, openingId, applicantId);
  if (application.status === 'withdrawn') {
    const { message, wordsIn } = hiringWords({ key: 'thread-withdrawn', values: {} });
    throw new ConflictError(message, { wordsIn });
  }
  return deps.threads.addMessage(threadMessage(deps, application, identity.personId, body));
}

/** A new message of an application's thread, by `authorId`. */
export function threadMessage(
  deps: Pick<ThreadDependencies, 'newId' | 'now'>,
  application: Application,
  authorId: string,
  body: string,
  stage?: ApplicationStatus,
): ApplicationMessage {
  return {
    openingId: application.openingId,
    syndicateId: application.syndicateId,
    applicantId: application.personId,
    authorId,
    messageId: deps.newId(),
    at: deps.now().toISOString(),
    body,
    ...(stage ? { stage } : {}),
  };
}
