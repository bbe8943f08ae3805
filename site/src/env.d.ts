declare namespace App {
  interface Locals {
    /** The reader's language: from the address (`/es/…`), set by middleware.ts before any page renders. */
    locale: import('#domain/i18n/locales.ts').Locale;
  }
}
