// The plain-words sentences (plain-words.ts) as templates, so each can be said in every language: a
// `{name}` is filled in; a sentence that depends on a count has one template per form ("1 character",
// "5 characters"). The English ones are the ones zod's refusals are first written in; translate-plain.ts
// reads a sentence back into its template and fills the same values into another language's.

export const plainEn = {
  fillIn: 'Fill this in.',
  wholeAmount: 'Enter the amount in minor units as a whole number above zero, for example 1250 for 12.50.',
  wholeCredit: 'Enter the credit in minor units as a whole number, 0 or more, for example 1250 for 12.50.',
  amountTyped: 'Enter the amount as a number, for example 12.50.',
  wholeNumber: 'Enter a whole number, for example 12.',
  number: 'Enter a number, for example 12.50.',
  unknownField: 'This request does not take this field.',
  email: 'Enter an email address, for example name@example.org.',
  url: 'Enter a web address, for example https://example.org.',
  date: 'Enter a date as year-month-day, for example 2026-03-31.',
  datetime: 'Enter a date and time, for example 2026-03-31T09:00:00Z.',
  uuid: 'Enter the id exactly as it was given.',
  text: 'Enter this as text.',
  yesNo: 'Choose yes or no.',
  list: 'Give a list of values.',
  fields: 'Give the fields this needs.',
  addOne: 'Add at least one.',
  atLeastCharacter: 'Needs at least {count} character.',
  atLeastCharacters: 'Needs at least {count} characters.',
  atLeastItem: 'Needs at least {count} item.',
  atLeastItems: 'Needs at least {count} items.',
  orMore: 'Enter {limit} or more.',
  moreThan: 'Enter more than {limit}.',
  atMostCharacter: 'Use at most {count} character.',
  atMostCharacters: 'Use at most {count} characters.',
  atMostItem: 'Use at most {count} item.',
  atMostItems: 'Use at most {count} items.',
  orLess: 'Enter {limit} or less.',
  lessThan: 'Enter less than {limit}.',
  startWith: 'Start this with "{prefix}".',
  asShown: 'Check this is written the way the form shows.',
  exactly: 'Enter {value}.',
  oneOf: 'Choose one of: {values}.',
  multipleOf: 'Enter a multiple of {divisor}.',
  check: 'Check this value.',
  removeIt: 'This does not take {keys}: remove it.',
  removeThem: 'This does not take {keys}: remove them.',
  thisRequest: 'This request',
  entry: '{message} This applies to entry {entries}.',
  entries: '{message} This applies to entries {entries}.',
  publicProfileFirst:
    'Only a public profile can be shown to the fediverse: make at least one section of your profile visible to anyone, or turn off showing it to the fediverse.',
} as const;

export type PlainKey = keyof typeof plainEn;
export type PlainMessages = { readonly [K in PlainKey]: string };

/**
 * The names of the fields the forms and the API most often refuse, as a person calls them, by the last
 * part of their path. A field not named here keeps its English name, made from the path (fieldLabel).
 */
export const fieldNamesEn = {
  title: 'Title',
  description: 'Description',
  summary: 'Summary',
  name: 'Name',
  email: 'Email',
  note: 'Note',
  message: 'Message',
  amount: 'Amount',
  credit: 'Credit',
  currency: 'Currency',
  per: 'Per',
  price: 'Price',
  positions: 'Positions',
  hoursPerWeek: 'Hours per week',
  place: 'Place',
  remote: 'Remote',
  validThrough: 'Valid through',
  employmentType: 'Employment type',
  applicantCountries: 'Applicant countries',
  skills: 'Skills',
  skill: 'Skill',
  level: 'Level',
  pay: 'Pay',
  evidence: 'Evidence',
  reason: 'Reason',
  goal: 'Goal',
  headline: 'Headline',
  bio: 'Bio',
  unit: 'Unit',
  quantity: 'Quantity',
  hours: 'Hours',
  memo: 'Memo',
  to: 'To',
  fediverse: 'Show on the fediverse',
} as const;

export type FieldNames = { readonly [K in keyof typeof fieldNamesEn]: string };
