// Lambda entry point of the `hiring-api` function: the hiring loop (stages, offers, threads, notes) and
// CVs (functions/http/groups/hiring-group.ts). The origin check, telemetry and services on first use are
// the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { hiringGroup } from '#http/groups/hiring-group.ts';

export const handler = processApiHandler(hiringGroup.routes);
