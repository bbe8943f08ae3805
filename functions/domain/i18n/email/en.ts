// Emails and notifications, written in the language the person chose.
// English is the source: es.ts and nl.ts must give every key (MessagesOf fails `tsc` otherwise).
//
// A notification is told by a pair of keys, `<message>.title` and `<message>.summary`, that take the same
// values (notifications/notification-text.ts stores the message and its values, and renders both in the
// reader's language). Values that are people's own words (names, titles they wrote) pass through as they
// are; words the values stand for (a stage, a status, an outcome) are worded by each language here.

import type { NotEnactedMessage } from '../work/not-enacted.ts';
import { emailKindLabels } from '../../notifications/email-preferences.ts';

/** What a proposal that passed changed (notifications/proposal-events.ts `changeOf`). */
export type ProposalChange = {
  change:
    | 'nothing'
    | 'not-enacted'
    | 'sense-check'
    | 'rate-card'
    | 'credit-limit'
    | 'admit'
    | 'remove'
    | 'make-admin'
    | 'unmake-admin'
    | 'credit-policy'
    | 'report-closed'
    | 'report-settled'
    | 'other';
  /** Whom or what the change names (an account, a person, a report), or why it was not enacted. */
  subject?: string | undefined;
  /** Why it was not enacted, as a message each language says (none on proposals closed before). */
  why?: NotEnactedMessage | undefined;
};

const kinds = emailKindLabels;

type Named = { name: string };
/** A saved search's new matches: `titles` are the openings' own titles, already joined. */
type Alert = { search: string; count: number; more: boolean; titles: string; rest: number };
type Proposal = { syndicate: string; title: string; closesAt: string };
type Decided = Proposal &
  ProposalChange & {
    outcome: 'passed' | 'rejected' | 'without-quorum';
    yes: number;
    no: number;
    abstain: number;
    eligible: number;
  };

const stageTitle = (stage: string, name: string) =>
  ({
    shortlisted: `You are shortlisted for ${name}`,
    interview: `You are invited to an interview for ${name}`,
    offered: `You have an offer for ${name}`,
    accepted: `Your application to ${name} was accepted`,
    declined: `Your application to ${name} was declined`,
  })[stage] ?? `Your application to ${name} is now ${stage}`;

const orderWords = (status: string) =>
  ({
    accepted: 'was accepted',
    declined: 'was declined',
    delivered: 'was delivered: confirm it, or dispute it within its window',
    refunded: 'was refunded: nothing was paid',
    cancelled: 'was cancelled by the buyer',
    disputed: 'was disputed by the buyer',
    confirmed: 'was confirmed and paid',
  })[status] ?? `is now ${status}`;

/**
 * Bound from its minor units (digits, as a settled report's notification keeps them) in a language's
 * number format: "1,234.50 Bound", "1.234,50 Bound". Intl formats the decimal string exactly.
 */
export function boundIn(tag: string): (minor: string) => string {
  const cents = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (minor) => {
    const digits = minor.padStart(3, '0');
    return `${cents.format(`${digits.slice(0, -2)}.${digits.slice(-2)}` as unknown as number)} Bound`;
  };
}
const bound = boundIn('en-GB');

/** A time as people read it in a sentence, to the minute, in UTC (the same in every language). */
export const toTheMinute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const when = (iso: string) => (iso ? toTheMinute(iso) : 'its close');

const outcomeWords = { passed: 'passed', rejected: 'was rejected', 'without-quorum': 'closed without quorum' };

function changed({ change, subject }: ProposalChange): string {
  switch (change) {
    case 'nothing':
      return 'Nothing changed.';
    case 'not-enacted':
      return `Nothing changed: ${subject}`;
    case 'sense-check':
      return 'A sense check changes nothing by itself.';
    case 'rate-card':
      return 'The rate card proposed is now the syndicate’s rate card.';
    case 'credit-limit':
      return `The credit limit of ${subject} is now the one proposed.`;
    case 'admit':
      return `${subject} was admitted as a member.`;
    case 'remove':
      return `${subject} was removed as a member.`;
    case 'make-admin':
      return `${subject} was made an admin.`;
    case 'unmake-admin':
      return `${subject} is no longer an admin.`;
    case 'credit-policy':
      return 'The commons’ credit policy is now the one proposed.';
    case 'report-closed':
      return `The disputed report ${subject} is closed with nothing owed.`;
    case 'report-settled':
      return `The disputed report ${subject} is settled at the amount the circle agreed.`;
    default:
      // A kind added later says at least this much until it has words of its own.
      return 'The change proposed is now in force.';
  }
}

export const en = {
  // The profile's choice of the language emails are written in.
  'email.language.label': 'Language for emails',
  'email.language.hint': 'Guildhall writes your notifications by email in this language.',

  // An email's own words, around the notification's title and summary.
  'email.subjectFallback': 'News from Guildhall',
  'email.greeting': (name: string) => `Hello ${name},`,
  'email.open': 'Open it on Guildhall',
  'email.why': (kind: string) => `You get this email because “${kind}” is on in your Guildhall email settings.`,
  'email.stop': 'Stop these emails',
  'email.settings': 'All email settings',

  // What each kind of notification is called where a person is told why an email came: in English, the
  // words the settings page switches it by (email-preferences.ts).
  'email.kind.application-received': kinds['application-received'],
  'email.kind.application-stage-changed': kinds['application-stage-changed'],
  'email.kind.application-message': kinds['application-message'],
  'email.kind.join-request-decided': kinds['join-request-decided'],
  'email.kind.co-inventor-invited': kinds['co-inventor-invited'],
  'email.kind.value-report-awaiting': kinds['value-report-awaiting'],
  'email.kind.value-report-decided': kinds['value-report-decided'],
  'email.kind.value-report-settled': kinds['value-report-settled'],
  'email.kind.saved-search-match': kinds['saved-search-match'],
  'email.kind.order-received': kinds['order-received'],
  'email.kind.order-changed': kinds['order-changed'],
  'email.kind.proposal-opened': kinds['proposal-opened'],
  'email.kind.proposal-closing-soon': kinds['proposal-closing-soon'],
  'email.kind.proposal-decided': kinds['proposal-decided'],
  'email.kind.assessment-requested': kinds['assessment-requested'],

  // What a notification is about when its name is gone (deleted, or never given).
  'email.unnamed.opening': 'an opening',
  'email.unnamed.syndicate': 'a syndicate',
  'email.unnamed.innovation': 'an innovation',

  // Applications.
  'email.applicationReceived.title': ({ name }: Named) => `New application for ${name}`,
  'email.applicationReceived.summary': ({ name }: Named) =>
    `Someone applied to ${name}. The applicants are ranked by skill match on the opening's page.`,
  'email.applicantMoved.title': ({ name, stage }: Named & { stage: string }) =>
    `An applicant ${stage === 'withdrawn' ? 'withdrew from' : `${stage} the offer for`} ${name}`,
  'email.applicantMoved.summary': ({ name, stage }: Named & { stage: string }) =>
    `An application to ${name} is now ${stage}.`,
  'email.applicationStage.title': ({
    name,
    stage,
  }: Named & { stage: string; withMessage: boolean; withReason: boolean }) => stageTitle(stage, name),
  'email.applicationStage.summary': ({
    name,
    stage,
    withMessage,
    withReason,
  }: Named & { stage: string; withMessage: boolean; withReason: boolean }) =>
    [
      `${stageTitle(stage, name)}.`,
      withMessage && 'The syndicate wrote a message with it.',
      withReason && 'The syndicate gave a reason.',
      'Read it on your application’s page.',
    ]
      .filter(Boolean)
      .join(' '),
  'email.applicationMessage.title': ({ name }: Named & { fromApplicant: boolean }) => `New message about ${name}`,
  'email.applicationMessage.summary': ({ name, fromApplicant }: Named & { fromApplicant: boolean }) =>
    fromApplicant
      ? `An applicant to ${name} wrote in their application's thread.`
      : `The syndicate wrote to you about your application to ${name}.`,

  // Syndicates and innovations.
  'email.joinDecided.title': ({ name, accepted }: Named & { accepted: boolean }) =>
    accepted ? `You joined ${name}` : `Your request to join ${name} was declined`,
  'email.joinDecided.summary': ({ name, accepted }: Named & { accepted: boolean }) =>
    accepted ? `Your request to join ${name} was accepted.` : `${name} declined your request to join.`,
  'email.assessmentRequested.title': ({ name }: Named & { course: string }) =>
    `A learner asks ${name} to assess their practical work`,
  'email.assessmentRequested.summary': ({ name, course }: Named & { course: string }) =>
    `A learner of “${course}” sent evidence of their practical tasks and asked ${name} to assess it. You hold the credentials to sign it off: it waits on ${name}’s practical-work page.`,
  'email.coInventorInvited.title': ({ name }: Named) => `You are named as a co-inventor of ${name}`,
  'email.coInventorInvited.summary': ({ name }: Named) =>
    `A draft names you as a co-inventor of ${name}. Accept or decline the inventors and shares before it is published.`,

  // Value reports. Amounts are minor units of Bound (digits), or empty when none was paid.
  'email.reportAwaiting.title': ({ name }: Named) => `A value report on ${name} awaits your decision`,
  'email.reportAwaiting.summary': ({ name }: Named) =>
    `A syndicate reported value from ${name}. Confirm or dispute it before its window closes.`,
  'email.reportDecided.title': ({ name, confirmed }: Named & { confirmed: boolean; paid: boolean }) =>
    `A value report on ${name} was ${confirmed ? 'confirmed' : 'disputed'}`,
  'email.reportDecided.summary': ({ name, confirmed, paid }: Named & { confirmed: boolean; paid: boolean }) =>
    confirmed
      ? `The value report on ${name} was confirmed${paid ? ' and settled' : ' and can be settled'}.`
      : `The value report on ${name} was disputed; it will not be settled as reported.`,
  'email.reportSettled.title': ({ name }: Named & { received: string; kept: string }) =>
    `A value report on ${name} was settled`,
  'email.reportSettled.summary': ({ name, received, kept }: Named & { received: string; kept: string }) => {
    const said = [
      received && `you received ${bound(received)}`,
      kept && `your implementer's share is ${bound(kept)}, kept by the syndicate`,
    ].filter(Boolean);
    return `The value report on ${name} was settled${said.length > 0 ? `: ${said.join('; ')}` : ''}. Your statement shows it.`;
  },

  // The market.
  'email.orderReceived.title': ({ name }: Named) => `New order: ${name}`,
  'email.orderReceived.summary': ({ name }: Named) => `Someone ordered ${name}. Accept or decline it.`,
  'email.orderChanged.title': ({ name, status }: Named & { status: string }) => `Order ${name}: ${status}`,
  'email.orderChanged.summary': ({ name, status }: Named & { status: string }) =>
    `The order ${name} ${orderWords(status)}.`,

  // Saved searches.
  'email.savedSearch.title': ({ search, count, more }: Alert) =>
    count === 1
      ? `A new opening matches “${search}”`
      : `${count}${more ? ' or more' : ''} new openings match “${search}”`,
  'email.savedSearch.summary': ({ titles, rest, more }: Alert) =>
    `${titles}${rest > 0 || more ? `; and ${more ? 'more' : `${rest} more`}` : ''}.`,

  // Decisions.
  'email.proposalOpened.title': ({ syndicate, title, closesAt }: Proposal) =>
    `${syndicate} is voting on ${title}, until ${when(closesAt)}`,
  'email.proposalOpened.summary': ({ syndicate, title, closesAt }: Proposal) =>
    `${syndicate} opened a proposal: ${title}. You may vote yes, no or abstain until ${when(closesAt)}, and change your vote until then.`,
  'email.proposalClosing.title': ({ title }: Proposal) => `Voting on ${title} closes within a day`,
  'email.proposalClosing.summary': ({ syndicate, title, closesAt }: Proposal) =>
    `You have not voted on ${title} in ${syndicate}. Voting closes at ${when(closesAt)}; it passes only if half of the members who may vote say yes.`,
  'email.proposalChanged': changed,
  'email.proposalDecided.title': ({ title, outcome }: Decided) => `${title} ${outcomeWords[outcome]}`,
  'email.proposalDecided.summary': (v: Decided) =>
    `${v.syndicate}’s proposal ${v.title} ${outcomeWords[v.outcome]}: yes ${v.yes}, no ${v.no}, abstain ${v.abstain} of ${v.eligible} who could vote. ${changed(v)}`,
};
