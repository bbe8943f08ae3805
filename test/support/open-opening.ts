// An open opening for unit tests of the board: heat-pump work in Leeds, open until the end of 2026,
// with whatever a test changes.
import type { Opening } from '#domain/openings/opening.ts';

export const openOpening = (id: string, overrides: Partial<Opening> = {}): Opening => ({
  id,
  syndicateId: 's1',
  title: `Opening ${id}`,
  description: 'Shared work, fair pay.',
  skills: [{ skill: 'heat-pump-installation', level: 'working' }],
  positions: 1,
  hoursPerWeek: 30,
  pay: [{ amount: 3000, currency: 'GBP', per: 'hour' }],
  place: 'Leeds, GB',
  remote: false,
  applicantCountries: [],
  employmentType: 'CONTRACTOR',
  validThrough: '2026-12-31',
  status: 'open',
  filled: 0,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'x',
  ...overrides,
});
