// Lambda entry point of the `innovations-api` function: the innovation registry, the ledger and the
// registry log (functions/http/groups/innovations-group.ts). The origin check, telemetry and services
// on first use are the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { innovationsGroup } from '#http/groups/innovations-group.ts';

export const handler = processApiHandler(innovationsGroup.routes);
