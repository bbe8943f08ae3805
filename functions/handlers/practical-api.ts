// Lambda entry point of the `practical-api` function: practical sign-off's tasks, evidence and reviews
// (functions/http/groups/practical-group.ts). The origin check, telemetry and services on first use are
// the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { practicalGroup } from '#http/groups/practical-group.ts';

export const handler = processApiHandler(practicalGroup.routes);
