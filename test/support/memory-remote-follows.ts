// The remote follows and the openings they brought, in memory, as the table keeps them: follows in
// follow-id order, an opening kept only over an older one, a follow's removal taking its openings along.
import type { RemoteFollow, RemoteFollowRepository } from '#domain/federation/remote-follow.ts';
import type { RemoteOpening, RemoteOpeningRepository } from '#domain/federation/remote-opening.ts';

export function memoryRemoteFollows(): {
  remoteFollows: RemoteFollowRepository & { all(): RemoteFollow[] };
  remoteOpenings: RemoteOpeningRepository & { all(): RemoteOpening[] };
} {
  const follows = new Map<string, RemoteFollow>();
  const openings = new Map<string, RemoteOpening>();
  const key = (followId: string, noteId: string) => `${followId} ${noteId}`;
  const all = () => [...follows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    remoteFollows: {
      put: async (follow) => void follows.set(follow.id, { ...follow }),
      get: async (id) => follows.get(id) ?? null,
      remove: async (id) => {
        for (const [k, opening] of openings) if (opening.followId === id) openings.delete(k);
        return follows.delete(id);
      },
      // By position, as the table's cursor is (the last id read), so removing what a page held moves nothing after it.
      page: async (request) => {
        const after = request.cursor ? all().filter((follow) => follow.id > (request.cursor as string)) : all();
        const items = after.slice(0, request.limit);
        const last = items.at(-1);
        return { items, ...(after.length > request.limit && last ? { next: last.id } : {}) };
      },
      removeBrought: async (followId, limit) => {
        const mine = [...openings].filter(([, opening]) => opening.followId === followId);
        for (const [k] of mine.slice(0, limit)) openings.delete(k);
        return { removed: Math.min(limit, mine.length), more: mine.length > limit };
      },
      forget: async (id) => follows.delete(id),
      all,
    },
    remoteOpenings: {
      putIfNewer: async (opening) => {
        const kept = openings.get(key(opening.followId, opening.noteId));
        if (kept && kept.updated >= opening.updated) return false;
        openings.set(key(opening.followId, opening.noteId), { ...opening });
        return true;
      },
      get: async (followId, noteId) => openings.get(key(followId, noteId)) ?? null,
      remove: async (followId, noteId) => openings.delete(key(followId, noteId)),
      all: () => [...openings.values()],
    },
  };
}
