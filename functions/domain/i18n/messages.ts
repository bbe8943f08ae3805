// The shape a translation must fill, derived from its English source: the same keys, text where English
// gives text, a function of the same values where English takes values.
type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
export type MessagesOf<Source> = { readonly [K in keyof Source]: Widen<Source[K]> };
