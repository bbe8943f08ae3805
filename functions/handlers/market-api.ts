// Lambda entry point of the `market-api` function: offers and wants on the marketplace
// (functions/http/groups/market-group.ts). The origin check, telemetry and services on first use are
// the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { marketGroup } from '#http/groups/market-group.ts';

export const handler = processApiHandler(marketGroup.routes);
