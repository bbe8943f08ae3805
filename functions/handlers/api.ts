// Lambda entry point of the `api` function: jobs, learning and credentials, people, shortages, search,
// the OpenAPI document, health, and every /api path no route names (functions/http/groups/api-group.ts).
// The origin check, telemetry and services on first use are the same for every API function
// (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { apiGroup } from '#http/groups/api-group.ts';

export const handler = processApiHandler(apiGroup.routes);
