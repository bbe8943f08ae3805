// Asking again after a 503 busy, as a client honouring Retry-After would: after a pause (jittered, so a
// crowd that lost together does not come back together), and not for ever. A crowd of writers on one
// registry-log head outlasts a writer's time budget under load; each busy answer has written nothing.
import { expect } from 'vitest';
import type { ApiResponse } from './api-client.ts';

/** At most this many asks of one request: a bound, so a hang fails the test instead of loading the store after it. */
const maxAsks = 60;

export async function untilAnswered(request: () => Promise<ApiResponse>): Promise<ApiResponse> {
  for (let asks = 1; ; asks++) {
    const response = await request();
    if (response.status !== 503) return response;
    expect((response.body as { type?: string }).type).toMatch(/\/busy$/);
    expect(response.headers['retry-after']).toBe('1');
    if (asks >= maxAsks) throw new Error(`Still busy after ${maxAsks} asks`);
    await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
  }
}

/** The same for a use case called directly: BusyError (nothing written) is asked again, within the bound. */
export async function untilLanded<T>(write: () => Promise<T>, isBusy: (error: unknown) => boolean): Promise<T> {
  for (let asks = 1; ; asks++) {
    try {
      return await write();
    } catch (error) {
      if (!isBusy(error) || asks >= maxAsks) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
  }
}
