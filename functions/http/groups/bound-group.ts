// The `bound-api` function's routes: Bound as a currency (issue 16): payments and payment requests,
// and the later slices' offers and wants, orders, pay for work and the economy. A group of its own,
// because the innovations function, which serves the ledger's statements, had no room left within the
// 250 KB budget (257.8 KB with the payment routes in it).
import type { RouteGroup } from './route-group.ts';
import { orderRoutes } from '../routes/order-routes.ts';
import { economyRoutes } from '../routes/economy-routes.ts';
import { paymentRoutes } from '../routes/payment-routes.ts';
import { workRoutes } from '../routes/work-routes.ts';

export const boundGroup: RouteGroup = {
  name: 'bound-api',
  routes: [...paymentRoutes, ...workRoutes, ...orderRoutes, ...economyRoutes],
};
