// What a change in the table means for people: a stream record's old and new images in, the events a
// person hears about out. Pure and synchronous: who an event goes to may still need a lookup (a
// syndicate's admins, an adoption's inventors) and its text the name of what it is about, so an event
// names those and `produce.ts` resolves them. Every other item type, and every change these rules do not
// name (an edit, a confirmation that does not decide a report), means nothing to anyone.
import type { NotificationKind } from './notification.ts';
import { type NotificationMessage, told } from './notification-text.ts';
import { actor, type Image, required, str, strings } from './images.ts';
import { orderEvents } from './order-events.ts';
import { reportEvents } from './report-events.ts';

export type { Image } from './images.ts';

export interface ItemChange {
  /** The stream record's id: with the kind and the recipient, what makes a notification unique. */
  eventId: string;
  /** ISO time of the stream record (when the write happened). */
  at: string;
  /** Absent on an insert. */
  oldItem?: Image | undefined;
  /** Absent on a removal. */
  newItem?: Image | undefined;
}

/** Who an event goes to: people named on the item, or a set read by key when the event is produced. */
export type Recipients =
  | { people: string[] }
  | { adminsOf: string }
  | { inventorsOf: { innovationId: string; syndicateId: string } };

/** What the event is about, whose name its text carries (read by key, or already on the item). */
export type Subject = { opening: string } | { syndicate: string } | { innovation: string } | { named: string };

export interface PersonEvent {
  kind: NotificationKind;
  to: Recipients[];
  /** Never told of their own act: the person who did it. */
  except: string[];
  about: Subject;
  link: string;
  /** The message for one recipient, with the subject's name (produce.ts marks it when the name is gone). */
  text(name: string, personId: string): NotificationMessage;
}

/** Every event a change means, in no particular order; none for most changes. */
export function eventsOf(change: ItemChange): PersonEvent[] {
  const { oldItem, newItem } = change;
  if (!newItem) return [];
  switch (newItem.type) {
    case 'application':
      return applicationEvents(oldItem, newItem);
    case 'application-message':
      // A message sent with a stage change (`stage`) is told by that change's notification.
      return oldItem || str(newItem, 'stage') ? [] : messageEvents(newItem);
    case 'membership':
      return membershipEvents(oldItem, newItem);
    case 'innovation-version':
      return invitationEvents(oldItem, newItem);
    case 'value-report':
      return reportEvents(oldItem, newItem);
    case 'order':
      return orderEvents(oldItem, newItem);
    default:
      return [];
  }
}

/** The stages an applicant hears of when the syndicate moves their application there. */
const toldStages = new Set(['shortlisted', 'interview', 'offered', 'accepted', 'declined']);

function applicationEvents(oldItem: Image | undefined, newItem: Image): PersonEvent[] {
  const openingId = required(newItem, 'openingId');
  const syndicateId = required(newItem, 'syndicateId');
  const applicant = required(newItem, 'personId');
  const about = { opening: openingId };
  const applicants = `/jobs/${openingId}/applicants/`;
  const stage = required(newItem, 'status');
  // A first application, or one made again after it was withdrawn: the admins have someone new to read.
  if (!oldItem || (stage === 'submitted' && str(oldItem, 'status') !== 'submitted')) {
    return [
      {
        kind: 'application-received',
        to: [{ adminsOf: syndicateId }],
        except: [applicant],
        about,
        link: applicants,
        text: (name) => told('email.applicationReceived', { name }),
      },
    ];
  }
  if (stage === str(oldItem, 'status')) return [];
  // The applicant moved it themselves (withdrew, or answered an offer): the syndicate's admins hear.
  // `stagedBy` names who made this change; `decidedBy`, on items written before it, who accepted or declined.
  const movedBy = str(newItem, 'stagedBy') ?? str(newItem, 'decidedBy');
  if (stage === 'withdrawn' || movedBy === applicant) {
    return [
      {
        kind: 'application-stage-changed',
        to: [{ adminsOf: syndicateId }],
        except: [applicant],
        about,
        link: applicants,
        text: (name) => told('email.applicantMoved', { name, stage }),
      },
    ];
  }
  if (!toldStages.has(stage)) return [];
  // Only a message sent with this change: one kept from an earlier stage was told then.
  const withMessage = Boolean(
    str(newItem, 'stageMessage') && str(newItem, 'stageMessage') !== str(oldItem, 'stageMessage'),
  );
  const withReason = Boolean(stage === 'declined' && str(newItem, 'declineReason'));
  return [
    {
      kind: 'application-stage-changed',
      to: [{ people: [applicant] }],
      except: [],
      about,
      // The application's own page: its stage, the thread and what the applicant may do next.
      link: `/jobs/${openingId}/applications/${applicant}/`,
      text: (name) => told('email.applicationStage', { name, stage, withMessage, withReason }),
    },
  ];
}

function messageEvents(message: Image): PersonEvent[] {
  const openingId = required(message, 'openingId');
  const applicant = required(message, 'applicantId');
  const author = required(message, 'authorId');
  const fromApplicant = author === applicant;
  return [
    {
      kind: 'application-message',
      to: [fromApplicant ? { adminsOf: required(message, 'syndicateId') } : { people: [applicant] }],
      except: [author],
      about: { opening: openingId },
      // The thread, on the application's page, which both sides (and only they) can read.
      link: `/jobs/${openingId}/applications/${applicant}/`,
      // Never the body: the thread is read where only its two sides can see it.
      text: (name) => told('email.applicationMessage', { name, fromApplicant }),
    },
  ];
}

function membershipEvents(oldItem: Image | undefined, newItem: Image): PersonEvent[] {
  const status = str(newItem, 'status');
  if (str(oldItem, 'status') !== 'requested' || (status !== 'active' && status !== 'declined')) return [];
  const syndicateId = required(newItem, 'syndicateId');
  return [
    {
      kind: 'join-request-decided',
      to: [{ people: [required(newItem, 'personId')] }],
      except: [],
      about: { syndicate: syndicateId },
      link: `/syndicates/${syndicateId}/`,
      text: (name) => told('email.joinDecided', { name, accepted: status === 'active' }),
    },
  ];
}

function invitationEvents(oldItem: Image | undefined, newItem: Image): PersonEvent[] {
  if (str(newItem, 'status') !== 'draft') return [];
  const before = new Set(strings(oldItem, 'invited'));
  const invited = strings(newItem, 'invited').filter((id) => !before.has(id));
  if (invited.length === 0) return [];
  const innovationId = required(newItem, 'innovationId');
  return [
    {
      kind: 'co-inventor-invited',
      to: [{ people: invited }],
      except: actor(newItem, 'createdBy'),
      about: { named: str(newItem, 'title') ?? 'a draft' },
      link: `/innovations/${innovationId}/`,
      text: (name) => told('email.coInventorInvited', { name }),
    },
  ];
}
