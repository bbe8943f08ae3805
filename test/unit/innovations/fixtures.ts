// Valid inputs shared by the innovation tests (unit and integration): each test changes only what
// it is about.
export function draftInput(inventors: Array<{ personId: string; basisPoints?: number }>) {
  return {
    title: 'A two-minute fault triage card',
    problem: 'Repairs stall while technicians guess where to start on an unfamiliar appliance.',
    improvement: '## The card\n\nFive checks in a fixed order, on one laminated card at every bench.',
    practice: 'recording-a-repair-from-intake-to-return',
    skills: ['repair-systematic-fault-finding'],
    effect: {
      unit: 'minutes to diagnosis',
      before: 45,
      after: 30,
      method: 'Timed forty repairs before and forty after, over two months.',
    },
    evidence: ['https://example.org/triage-study'],
    inventors,
    license: 'CC-BY-SA-4.0' as const,
  };
}

export const syndicateInput = (id: string) => ({
  id,
  name: `Syndicate ${id}`,
  trade: 'repair',
  description: 'Repairers who share the bench and the work fairly.',
  place: 'Valencia, ES',
  rateCard: [],
});

export const reportInput = (amount: number | string, periodTo = '2026-10-31') => ({
  amount,
  periodFrom: '2026-10-01',
  periodTo,
  method: 'Hours saved times our agreed hourly rate in Bound.',
});

/** The n-th of a run of one-day periods (from 1 January 2026), so each report of a run claims its own. */
export const dayReportInput = (amount: number | string, n: number) => {
  const day = new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
  return { ...reportInput(amount, day), periodFrom: day };
};
