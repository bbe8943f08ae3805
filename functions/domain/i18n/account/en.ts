// The account pages beyond the profile: orders, pay, payment requests, notifications, saved searches, work, the member's market, email, goal, CV, and the unsubscribe page.
// English is the source: es.ts and nl.ts must give every key (MessagesOf fails `tsc` otherwise).
export const en = {};
