// The `market-api` function's routes: the marketplace of issue 16 (offers and wants, an account's own
// lists, the faceted marketplace and each listing's matches). A group of its own: `bound-api` keeps
// its room for the orders and payments that move Bound, and the marketplace's reads are public and
// searched, which the payment routes never are. A person's best-matching openings
// (`GET /api/me/best-matches`) are served here too: matching work to people, searched like the
// listings, and `people-api` had no room left for them. So are the skills picker's suggestions
// (`GET /api/skills/suggest`, which search all of ESCO): `api`, where the skills' other routes are, had
// a few hundred bytes left. And a person's email preferences and the one-click unsubscribe
// (`/api/me/email-preferences`, `/api/email/unsubscribe/{token}`): people-api passed its 256,000 bytes
// once every function's refusals came in Spanish and Dutch (issue 19), and they read only the
// notifications' kinds and the preferences' item (4.7 KB of people-api).
import type { RouteGroup } from './route-group.ts';
import { bestMatchRoutes } from '../routes/best-match-routes.ts';
import { emailRoutes } from '../routes/email-routes.ts';
import { marketRoutes } from '../routes/market-routes.ts';
import { skillSuggestRoutes } from '../routes/skill-suggest-routes.ts';

export const marketGroup: RouteGroup = {
  name: 'market-api',
  routes: [...marketRoutes, ...bestMatchRoutes, ...skillSuggestRoutes, ...emailRoutes],
};
