// Lambda entry point of the `ledger-api` function: the ledger's statements, credit limits and the registry
// log (functions/http/groups/ledger-group.ts). The origin check, telemetry and services on first use are
// the same for every API function (functions/http/api-handler.ts).
import { processApiHandler } from '#http/api-handler.ts';
import { ledgerGroup } from '#http/groups/ledger-group.ts';

export const handler = processApiHandler(ledgerGroup.routes);
