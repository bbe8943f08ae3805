// Lambda entry point of the `federation-api` function: WebFinger, NodeInfo, actors and inboxes
// (functions/http/groups/federation-group.ts). The origin check, telemetry and services on first use
// are the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { federationGroup } from '#http/groups/federation-group.ts';

export const handler = processApiHandler(federationGroup.routes);
