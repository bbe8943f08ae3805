// Display names for the ids a record carries: people and syndicates, looked up once per page.
import type { Services } from '#app/services.ts';

export async function personNames(services: Services, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const people = await services.people.getMany(unique);
  return new Map(unique.map((id) => [id, people.get(id)?.name ?? id]));
}

export async function syndicateNames(services: Services, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const syndicates = await services.syndicates.getMany(unique);
  return new Map(unique.map((id) => [id, syndicates.get(id)?.name ?? id]));
}

/** An account id as people read it: a person's or a syndicate's name. */
export function accountName(
  accountId: string,
  people: ReadonlyMap<string, string>,
  syndicates: ReadonlyMap<string, string>,
) {
  const [kind, id = ''] = accountId.split(/:(.*)/s);
  return kind === 'person' ? (people.get(id) ?? id) : (syndicates.get(id) ?? id);
}

export async function accountNames(services: Services, accountIds: Iterable<string>) {
  const ids = [...accountIds];
  const personIds = ids.filter((a) => a.startsWith('person:')).map((a) => a.slice('person:'.length));
  const syndicateIds = ids.filter((a) => a.startsWith('syndicate:')).map((a) => a.slice('syndicate:'.length));
  const [people, syndicates] = await Promise.all([
    personNames(services, personIds),
    syndicateNames(services, syndicateIds),
  ]);
  return (accountId: string) => accountName(accountId, people, syndicates);
}
