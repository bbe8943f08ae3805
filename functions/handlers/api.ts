// Lambda entry point for every /api route. Services are built once per cold start.
import { getServices } from '#app/services.ts';
import { type ApiEvent, type ApiResult, requestFromEvent, resultFromResponse } from '#http/apigw.ts';
import { createApi } from '#http/api.ts';

const api = createApi(getServices());

export async function handler(event: ApiEvent): Promise<ApiResult> {
  return resultFromResponse(await api.handle(requestFromEvent(event)));
}
