// Riverside Builders, a construction syndicate founded by Lotte: the syndicate the practical sign-off's
// tests ask to assess, and its founding membership, as `syndicates.create` takes them.
import type { Membership, Syndicate } from '#domain/syndicates/syndicate.ts';

export function riversideBuilders(at: string, founder = 'lotte'): [Syndicate, Membership] {
  return [
    {
      id: 'riverside',
      name: 'Riverside Builders',
      trade: 'construction',
      description: 'Builders who share work along the river.',
      place: 'Rotterdam',
      rateCard: [],
      createdAt: at,
      createdBy: founder,
      memberCount: 1,
      adminCount: 1,
    },
    { syndicateId: 'riverside', personId: founder, role: 'admin', status: 'active', requestedAt: at },
  ];
}
