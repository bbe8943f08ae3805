// Emails and notifications, written in the language the person chose.
// English is the source: es.ts and nl.ts must give every key (MessagesOf fails `tsc` otherwise).
export const en = {
  // The profile's choice of the language emails are written in.
  'email.language.label': 'Language for emails',
  'email.language.hint': 'Guildhall writes your notifications by email in this language.',
};
