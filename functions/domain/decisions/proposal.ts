// Proposals: what a scope (the commons, or one syndicate) decides by vote. Each kind has a typed
// change that enacts itself when the proposal passes (a sense check decides nothing), the share of
// eligible members it needs (passing-rule.ts) and its shortest voting window. Who may vote is fixed
// when it opens: the members at that moment, counted then (the `eligible` counter), and each voter's
// membership checked against the opening time when they vote, so opening and closing read no roll.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { creditSchema } from '../ledger/credit-grant.ts';
import type { CreditPolicy, StoredCreditPolicy } from '../ledger/credit-policy.ts';
import { creditPolicySchema } from '../ledger/credit-policy-input.ts';
import type { AccountId } from '../ledger/account.ts';
import { accountIdSchema } from '../ledger/payment.ts';
import { idSchema } from '../ids.ts';
import { type Adoption, adoptionInputSchema, minorUnitsSchema } from '../innovations/adoption.ts';
import type { PersonShare } from '../innovations/innovation.ts';
import type { StewardRemoval } from '../ledger/stewards.ts';
import type { CreditLimitChange, SettlementWrite } from '../innovations/innovation-repository.ts';
import type { LogAppend } from '../innovations/log-head.ts';
import type { Page, PageRequest } from '../paging.ts';
import { type Membership, type SyndicateInput, syndicateInputSchema } from '../syndicates/syndicate.ts';
import { text } from '../text.ts';
import type { NotEnactedMessage } from '../i18n/work/not-enacted.ts';
import { half, type Outcome, type Tally, type Threshold, twoThirds } from './passing-rule.ts';

/** `commons` (every member of this instance) or `syndicate:<id>` (its members). */
export type Scope = 'commons' | `syndicate:${string}`;

export const proposalKinds = [
  'sense-check',
  'rate-card',
  'credit-limit',
  'credit-policy',
  'membership',
  'adopt-innovation',
  'remove-steward',
  'resolve-disputed-report',
] as const;
export type ProposalKind = (typeof proposalKinds)[number];

export type ProposalChange =
  | { kind: 'sense-check' }
  | { kind: 'rate-card'; change: { rateCard: SyndicateInput['rateCard'] } }
  | { kind: 'credit-limit'; change: { account: AccountId; credit: bigint } }
  | { kind: 'credit-policy'; change: CreditPolicy }
  | { kind: 'membership'; change: { action: MembershipAction; personId: string } }
  /** The syndicate adopts a published record; the implementers' shares are resolved when it is proposed. */
  | { kind: 'adopt-innovation'; change: { innovationId: string; implementers: PersonShare[]; note: string } }
  /** A bootstrap steward (named in configuration) no longer grants credit. */
  | { kind: 'remove-steward'; change: { personId: string } }
  /** A restorative circle settles a disputed value report at `amount` (at most the reported one), or nothing (null). */
  | { kind: 'resolve-disputed-report'; change: { innovationId: string; reportId: string; amount: bigint | null } };

/** What a membership proposal does to one person: admit or remove them, or make or unmake them an admin. */
export const membershipActions = ['admit', 'remove', 'make-admin', 'unmake-admin'] as const;
export type MembershipAction = (typeof membershipActions)[number];

interface KindRule {
  /** Where the kind may be proposed. */
  scopes: ReadonlyArray<'commons' | 'syndicate'>;
  /** The shortest voting window, in days; the proposer may ask for a longer one, up to `maxDays`. */
  minDays: number;
  /**
   * Who voted how is never shown, and the counts only to the scope's members until it closes (secrecy.ts):
   * votes on a person, where a name beside a vote invites pressure before and grudges after.
   */
  secret?: true;
}

export const kindRules: Record<ProposalKind, KindRule> = {
  'sense-check': { scopes: ['commons', 'syndicate'], minDays: 3 },
  'rate-card': { scopes: ['syndicate'], minDays: 3 },
  'credit-limit': { scopes: ['commons'], minDays: 3 },
  'credit-policy': { scopes: ['commons'], minDays: 3 },
  membership: { scopes: ['syndicate'], minDays: 3, secret: true },
  'adopt-innovation': { scopes: ['syndicate'], minDays: 3 },
  'remove-steward': { scopes: ['commons'], minDays: 3 },
  // Listed with the syndicate whose report it is; who votes is the circle (circle.ts), not its members alone.
  'resolve-disputed-report': { scopes: ['syndicate'], minDays: 3 },
};

export const maxDays = 30;

/** The share of eligible members a proposal needs: removing a member asks two thirds, the rest half. */
export function thresholdOf(proposal: ProposalChange): Threshold {
  return proposal.kind === 'membership' && proposal.change.action === 'remove' ? twoThirds : half;
}

export const scopeSchema = /* @__PURE__ */ lazySchema(() =>
  z.pipe(
    z
      .string()
      .check(
        z.regex(
          /^(commons|syndicate:[a-z0-9-]{1,100})$/,
          'Name the scope as "commons" or "syndicate:<id>" (for example syndicate:riverside-builders).',
        ),
      ),
    z.transform((value) => value as Scope),
  ),
);

const daysMessage = `Give the voting window as a whole number of days, at most ${maxDays}.`;
/** A kind's change, required: the message names what the kind changes. */
const changeOf = <T extends z.core.$ZodLooseShape>(shape: T, what: string) =>
  z.strictObject(shape, {
    error: (issue) => (issue.input === undefined ? `This kind needs its change: ${what}.` : undefined),
  });

const common = () => ({
  scope: scopeSchema(),
  title: text(5, 120, { label: 'title' }),
  description: z._default(text(0, 4000, { multiline: true, label: 'description' }), ''),
  /** The voting window in days, from the kind's shortest up to 30. */
  days: z.optional(
    z
      .number({ error: daysMessage })
      .check(
        z.int({ error: daysMessage }),
        z.minimum(1, { error: daysMessage }),
        z.maximum(maxDays, { error: daysMessage }),
      ),
  ),
  /** Kept as a draft (only its author sees it) instead of opening at once. */
  draft: z._default(z.boolean(), false),
});

/** What a person sends to propose: one kind and its typed change; nothing the server keeps. */
export const proposalInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('sense-check'), ...common() }),
      z.strictObject({
        kind: z.literal('rate-card'),
        ...common(),
        change: changeOf({ rateCard: syndicateInputSchema().shape.rateCard }, 'the new rate card'),
      }),
      z.strictObject({
        kind: z.literal('credit-limit'),
        ...common(),
        change: changeOf({ account: accountIdSchema(), credit: creditSchema() }, 'the account and its credit'),
      }),
      z.strictObject({
        kind: z.literal('credit-policy'),
        ...common(),
        change: changeOf(creditPolicySchema().shape, 'the default credit and any tiers earned by months of trading'),
      }),
      z.strictObject({
        kind: z.literal('membership'),
        ...common(),
        change: changeOf(
          { action: z.enum(membershipActions), personId: text(1, 128, { label: 'person id' }) },
          'the action and the person',
        ),
      }),
      z.strictObject({
        kind: z.literal('adopt-innovation'),
        ...common(),
        change: changeOf(
          { innovationId: idSchema(), ...z.omit(adoptionInputSchema(), { syndicateId: true }).shape },
          'the record and who implements it',
        ),
      }),
      z.strictObject({
        kind: z.literal('remove-steward'),
        ...common(),
        change: changeOf({ personId: text(1, 128, { label: 'person id' }) }, 'the steward to remove'),
      }),
      z.strictObject({
        kind: z.literal('resolve-disputed-report'),
        ...common(),
        change: changeOf(
          {
            innovationId: idSchema(),
            reportId: idSchema(),
            amount: z.nullable(minorUnitsSchema()),
          },
          'the record, the report and the amount to settle (null for nothing)',
        ),
      }),
    ],
    // No `error` of its own: a kind missing or not listed is told the kinds in plain words
    // (plain-words.ts `oneOf`), which every language reads.
  ),
);
export type ProposalInput = z.infer<ReturnType<typeof proposalInputSchema>>;

export const voteChoices = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];

export const voteInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    choice: z.enum(voteChoices, { error: 'Choose yes, no or abstain.' }),
    reason: z.optional(text(0, 1000, { multiline: true, label: 'reason' })),
  }),
);
export type VoteInput = z.infer<ReturnType<typeof voteInputSchema>>;

export type ProposalStatus = 'draft' | 'open' | 'closed' | 'enacted';

export type Proposal = ProposalChange & {
  id: string;
  scope: Scope;
  title: string;
  description: string;
  days: number;
  threshold: Threshold;
  createdBy: string;
  createdAt: string;
  /** A draft's last edit: each edit is written over the `version` its author read, and moves it on by one. */
  updatedAt?: string | undefined;
  /** Absent until a draft is first edited (read as 0). */
  version?: number | undefined;
  /** Its kind kept votes secret when it was proposed: kept with it, so a later rule never reveals them. */
  secret?: true | undefined;
  status: ProposalStatus;
  /** Kept by every vote in the vote's own transaction: one count moves when a vote changes. */
  tally: Tally;
  openedAt?: string | undefined;
  closesAt?: string | undefined;
  /** When the sweep found it closing within a day (set once): the stream reminds those who have not voted. */
  closingSoonAt?: string | undefined;
  /** How many members could vote, counted when it opened. */
  eligible?: number | undefined;
  openLogIndex?: number | undefined;
  outcome?: Outcome | undefined;
  closedAt?: string | undefined;
  closedBy?: string | undefined;
  closeLogIndex?: number | undefined;
  /** Why a passed change could not be made (its member had left, say): it passed, and nothing changed. */
  notEnacted?: string | undefined;
  /** The same as a message (i18n/work/not-enacted.ts), for a page to say in the reader's language; none on proposals closed before. */
  notEnactedMessage?: NotEnactedMessage | undefined;
  /** A restorative circle's roll by name, fixed as it opened: the record's inventors and the panel drawn. */
  circle?: { inventors: string[]; panel: string[] } | undefined;
};

export interface Vote {
  proposalId: string;
  personId: string;
  choice: VoteChoice;
  reason?: string | undefined;
  at: string;
}

/** Where a proposal is listed: drafts are their author's alone. */
export type ProposalList = { scope: Scope; status: 'open' | 'closed' } | { draftsOf: string };

export interface DecisionRepository {
  get(proposalId: string): Promise<Proposal | null>;
  /** The members of the commons, a counter kept with every person made or removed. */
  commonsMembers(): Promise<number>;
  /** A new draft or opened proposal, with its log entry if it opens; ConflictError if the id is taken. */
  create(proposal: Proposal, log?: LogAppend): Promise<void>;
  /** A draft opened, over the draft as read (its status and version), with its log entry. */
  open(proposal: Proposal, log: LogAppend): Promise<void>;
  /** A draft's edit, over `before` as read (still a draft, at its version); ConflictError otherwise. */
  saveDraft(before: Proposal, after: Proposal): Promise<void>;
  getVote(proposalId: string, personId: string): Promise<Vote | null>;
  /** A page of a proposal's votes, by person id. */
  votesPage(proposalId: string, request: PageRequest): Promise<Page<Vote>>;
  /**
   * The vote stored and the tally moved by one count (or set for a first vote), in one transaction, on
   * condition that the proposal is still open and before `closesAt`, the person's previous vote is
   * still `previous`, and the voter's membership (or person) still stands. ConflictError otherwise.
   */
  castVote(vote: Vote, previous: Vote | null, proposal: Proposal): Promise<void>;
  /** A closing, its effect and its log entry in one transaction, over the proposal as read: see Closing. */
  close(closing: Closing): Promise<void>;
  page(list: ProposalList, request: PageRequest): Promise<Page<Proposal>>;
  /** A page of open proposals whose window ended by `now`, soonest first: the sweep closes them. */
  duePage(now: string, request: PageRequest): Promise<Page<Proposal>>;
  /** A page of open proposals not yet flagged as closing soon whose window ends after `from` and by `until`, soonest first. */
  closingPage(from: string, until: string, request: PageRequest): Promise<Page<Proposal>>;
  /** Flags an open proposal as closing within a day, at `at`; ConflictError if flagged already or closed. */
  markClosingSoon(proposalId: string, at: string): Promise<void>;
}

/** What a passed proposal changes, as the store must apply it in the closing's transaction. */
export type Effect =
  | { kind: 'none' }
  | { kind: 'rate-card'; syndicateId: string; rateCard: SyndicateInput['rateCard'] }
  | { kind: 'credit-limit'; change: CreditLimitChange }
  /** The commons' policy, written over the version the closing read (`policy.version` one more). */
  | { kind: 'credit-policy'; policy: StoredCreditPolicy }
  | { kind: 'membership'; from: Membership | null; to: Membership | null }
  | { kind: 'adoption'; adoption: Adoption }
  | { kind: 'remove-steward'; removal: StewardRemoval }
  /** A circle's settlement of a disputed report, over the report still disputed. */
  | { kind: 'settlement'; write: SettlementWrite };

export interface Closing {
  /** The proposal as read (open): the write is conditional on its status and tally. */
  before: Proposal;
  after: Proposal;
  effect: Effect;
  log: LogAppend;
}
