// A query for the sort keys that start with a prefix, sent as `sk BETWEEN :prefix AND :prefixEnd` rather
// than `begins_with(sk, :prefix)`. In AWS both read the same items and cost the same. DynamoDB Local (the
// store of `npm start`, the tests and `npm run bench:scale`) answers begins_with by reading every item of the
// partition, though it counts only the matches: a person's offers took 20 ms once 50,000 of their work logs
// shared their gsi1 partition, against 1.5 ms as a range (bench/scale.ts, issue 14).

/**
 * The greatest code point, U+10FFFF: in UTF-8 byte order, the order DynamoDB keeps string keys in, it sorts
 * after every other, so `prefix + end` bounds every key that starts with the prefix. A key would fall
 * outside only if the prefix were followed by U+10FFFF itself, a noncharacter no key builder writes.
 */
const end = '\u{10FFFF}';

/** The key condition on `sortKey` (an attribute name or a `#name` placeholder), with prefixValues' values. */
export const startsWith = (sortKey: string) => `${sortKey} BETWEEN :prefix AND :prefixEnd`;

/** The values startsWith's condition takes. */
export const prefixValues = (prefix: string) => ({ ':prefix': prefix, ':prefixEnd': `${prefix}${end}` });
