// A setup file of the mutation runs: every lazily built schema (#domain/zod.ts) is built again at each
// use, so a mutant in a schema's definition is seen by the test that runs while it is active.
(globalThis as Record<symbol, boolean>)[Symbol.for('guildhall.rebuild-schemas')] = true;
