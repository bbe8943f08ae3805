// Where the federation answers: the paths and ids live in domain/federation/paths.ts (plain data, so the
// functions that serve the catalogue's Documents carry no ActivityPub adapter); the federation's own
// modules read them here, as they always have.
export * from '#domain/federation/paths.ts';
