// Lambda entry point of the `bound-api` function: payments in Bound and payment requests
// (functions/http/groups/bound-group.ts). The origin check, telemetry and services on first use are
// the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { boundGroup } from '#http/groups/bound-group.ts';

export const handler = processApiHandler(boundGroup.routes);
