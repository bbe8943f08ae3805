// Reading a stream record's plain images (unmarshalled items): a field that may be absent or of another
// type is read as absent, and a field an event cannot do without fails the record.

export type Image = Record<string, unknown>;

export const str = (item: Image | undefined, field: string): string | undefined => {
  const value = item?.[field];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};
export const strings = (item: Image | undefined, field: string): string[] => {
  const value = item?.[field];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};
/** A field that names one person, as a list of none or one: who is never told of their own act. */
export const actor = (item: Image | undefined, field: string): string[] => {
  const value = str(item, field);
  return value ? [value] : [];
};
export const required = (item: Image, field: string): string => {
  const value = str(item, field);
  // A malformed item fails its record, which is retried and then parked for a look: never dropped quietly.
  if (value === undefined) throw new Error(`${String(item.type)} item without ${field}`);
  return value;
};
