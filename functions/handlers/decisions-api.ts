// Lambda entry point of the `decisions-api` function: proposals, votes and closing
// (functions/http/groups/decisions-group.ts). The origin check, telemetry and services on first use are
// the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { decisionsGroup } from '#http/groups/decisions-group.ts';

export const handler = processApiHandler(decisionsGroup.routes);
