// The `ledger-api` function's routes: the Bound ledger as people read it (the ledger, statements and
// their CSVs, a syndicate's adoptions and reports, an innovation's statement), credit limits, and the
// registry log's heads, entries and proofs. A group of its own since innovations-api (the registry's
// records, drafts, adoptions, value reports and settlements) passed its 256,000 bytes once the
// plain-words templates came in Spanish and Dutch; the statements, CSVs and log proofs are code no
// record's route runs.
import type { RouteGroup } from './route-group.ts';
import { ledgerRoutes, registryLogRoutes } from '../routes/ledger-routes.ts';

export const ledgerGroup: RouteGroup = {
  name: 'ledger-api',
  routes: [...ledgerRoutes, ...registryLogRoutes],
};
