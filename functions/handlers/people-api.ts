// Lambda entry point of the `people-api` function: profiles, and the people issue's hiring loop, inbox
// and account routes (functions/http/groups/people-group.ts). The origin check, telemetry and services
// on first use are the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { peopleGroup } from '#http/groups/people-group.ts';

export const handler = processApiHandler(peopleGroup.routes);
