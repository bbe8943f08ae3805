// Lambda entry point of the `learning-api` function: learning and credentials
// (functions/http/groups/learning-group.ts). The origin check, telemetry and services on first use are
// the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { learningGroup } from '#http/groups/learning-group.ts';

export const handler = processApiHandler(learningGroup.routes);
