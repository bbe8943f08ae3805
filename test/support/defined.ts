// A value a test's fixture must hold (the first course of the commons, a skill it maps to ESCO): the test
// stops with what was missing rather than reading through an undefined.

export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`The fixture has no ${what}.`);
  return value;
}
