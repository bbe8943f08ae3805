// Lambda entry point for every /api route. A request that did not come through CloudFront is refused
// first; services (with their secrets, read at run time) are built once per cold start, on first use.
import { lazyOriginCheck } from '#app/origin-check.ts';
import { getSecretReader, once } from '#app/secrets.ts';
import { loadServices } from '#app/services.ts';
import { getConfig } from '#config/config.ts';
import { type ApiEvent, type ApiResult, requestFromEvent, resultFromResponse } from '#http/apigw.ts';
import { createApi } from '#http/api.ts';
import { originRefusal } from '#http/origin-check.ts';

const fromCloudFront = lazyOriginCheck(getConfig, getSecretReader);
const api = once(async () => createApi(await loadServices()));

export async function handler(event: ApiEvent): Promise<ApiResult> {
  if (!(await fromCloudFront(event.headers))) return originRefusal();
  return resultFromResponse(await (await api()).handle(requestFromEvent(event)));
}
