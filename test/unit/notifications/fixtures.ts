import type { Notification } from '#domain/notifications/notification.ts';

export const key = 'k'.repeat(40);
export const site = 'https://guildhall.example';

export function notification(fields: Partial<Notification> = {}): Notification {
  return {
    id: 'n1',
    personId: 'ada',
    kind: 'application-stage-changed',
    at: '2026-12-01T10:00:00.000Z',
    title: 'You are shortlisted for Repair bench technician',
    summary: 'Repair Co-op moved your application to the shortlist.',
    link: '/jobs/op1/',
    eventKey: 'event-1#ada',
    ...fields,
  };
}
