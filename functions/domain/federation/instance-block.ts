// Blocking an instance: the commons' stewards refuse a remote host. Its inbox posts are refused before
// anything is verified, nothing is delivered to it, and a Follow from it is never kept. One item per
// host; a block on a hostname covers it at any port, and its subdomains. Who may block is the stewards' rule
// (ledger/stewards.ts), as for credit grants. Pure, over its ports.
import * as z from 'zod/mini';
import { text } from '../text.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { federationWords } from '../i18n/records/federation-refusals.ts';
import type { Identity } from '../identity.ts';
import { type StewardRemoval, stewardsNow } from '../ledger/stewards.ts';
import type { Page, PageRequest } from '../paging.ts';
import { hostOf, instanceHostPattern } from './instance-host.ts';

export interface InstanceBlock {
  host: string;
  reason: string;
  blockedBy: string;
  blockedAt: string;
}

export interface InstanceBlockRepository {
  /** Keeps the block, replacing an earlier one of the same host. */
  put(block: InstanceBlock): Promise<void>;
  /** Removes the host's block; false when there was none. */
  remove(host: string): Promise<boolean>;
  /** The first of these hosts that is blocked, if any. */
  firstBlocked(hosts: readonly string[]): Promise<InstanceBlock | null>;
  page(request: PageRequest): Promise<Page<InstanceBlock>>;
}

export interface InstanceBlockDependencies {
  config: { STEWARDS: readonly string[] };
  ledger: { stewardRemovals(): Promise<Pick<StewardRemoval, 'personId'>[]> };
  instanceBlocks: InstanceBlockRepository;
  now: () => Date;
}

export const instanceHostSchema = () =>
  z
    .string()
    .check(
      z.maxLength(259, 'A host is at most 253 characters, and a port.'),
      z.regex(
        instanceHostPattern,
        'Name the instance by its host, lower case, such as mastodon.example (a port only if it uses one).',
      ),
    );
export const instanceBlockInputSchema = () =>
  z.strictObject({
    // Read by the stewards and by the people of the blocked instance: normalised like every free text.
    reason: text(1, 500, { label: 'reason', multiline: true }),
  });

async function requireSteward(deps: InstanceBlockDependencies, identity: Identity): Promise<void> {
  if (!stewardsNow(deps.config.STEWARDS, await deps.ledger.stewardRemovals()).includes(identity.personId)) {
    const { message, wordsIn } = federationWords({ key: 'stewards-only', values: { act: 'block' } });
    throw new ForbiddenError(message, { wordsIn });
  }
}

export async function blockInstance(
  deps: InstanceBlockDependencies,
  identity: Identity,
  host: string,
  input: { reason: string },
): Promise<InstanceBlock> {
  await requireSteward(deps, identity);
  const block = { host, reason: input.reason, blockedBy: identity.personId, blockedAt: deps.now().toISOString() };
  await deps.instanceBlocks.put(block);
  return block;
}

export async function unblockInstance(
  deps: InstanceBlockDependencies,
  identity: Identity,
  host: string,
): Promise<{ host: string }> {
  await requireSteward(deps, identity);
  if (!(await deps.instanceBlocks.remove(host))) throw new NotFoundError('instance block', host);
  return { host };
}

/**
 * How many of a hostname's parent domains a block is looked up under, counted from the top: a block on
 * `example.org` covers `a.b.example.org`. Eight levels cover any registrable domain and the zones an
 * instance runs under; a block on a domain nine or more labels deep covers it, not what is below it.
 */
export const maxParentDomains = 8;

/** `a.b.example.org` → `b.example.org`, `example.org`, `org` (at most `maxParentDomains`); none for an IPv4 address. */
export function parentDomainsOf(hostname: string): string[] {
  if (/^[0-9.]+$/.test(hostname)) return [];
  const labels = hostname.split('.');
  const parents: string[] = [];
  for (let depth = Math.min(labels.length - 1, maxParentDomains); depth >= 1; depth--) {
    parents.push(labels.slice(-depth).join('.'));
  }
  return parents;
}

/** The blocks that could cover a URL's host: its host with the port, its bare hostname, and its parent domains. */
export function blockKeysOf(hosts: readonly { host: string; hostname: string }[]): string[] {
  return [...new Set(hosts.flatMap(({ host, hostname }) => [host, hostname, ...parentDomainsOf(hostname)]))];
}

/** Whether a URL's instance is blocked (the deliverer asks before sending). */
export async function isBlockedUrl(blocks: Pick<InstanceBlockRepository, 'firstBlocked'>, url: string) {
  const host = hostOf(url);
  return host !== null && (await blocks.firstBlocked(blockKeysOf([host]))) !== null;
}

/** Whether a block of `blockedHost` covers an instance at `host`: the one rule, `blockKeysOf`. */
export function blockCovers(blockedHost: string, host: string): boolean {
  return blockKeysOf([{ host, hostname: host.replace(/:[0-9]+$/, '') }]).includes(blockedHost);
}

/** A hostname's labels from the top (`social.spam.example` → `example.spam.social`). */
const reversedLabels = (hostname: string) => hostname.split('.').reverse().join('.');

/**
 * A host as the followers' index sorts it, so that what a block covers is a few ranges of it: the
 * hostname's labels from the top, then `/` and the port (empty without one): `social.spam.example:8443`
 * → `example.spam.social/8443`.
 */
export function hostSortKey(host: string): string {
  const port = /:([0-9]+)$/.exec(host)?.[1] ?? '';
  return `${reversedLabels(host.replace(/:[0-9]+$/, ''))}/${port}`;
}

/**
 * The starts of the sort keys (`hostSortKey` then `#`) a block of `blockedHost` can cover: a host with a
 * port, that port alone; a hostname, every port of it (`example.spam/`) and, where `blockKeysOf` looks
 * it up as a parent, its subdomains (`example.spam.`). Each item found is still checked by `blockCovers`.
 */
export function blockedHostPrefixes(blockedHost: string): string[] {
  if (/:[0-9]+$/.test(blockedHost)) return [`${hostSortKey(blockedHost)}#`];
  const labels = blockedHost.split('.').length;
  return labels <= maxParentDomains
    ? [`${reversedLabels(blockedHost)}/`, `${reversedLabels(blockedHost)}.`]
    : [`${reversedLabels(blockedHost)}/`];
}
