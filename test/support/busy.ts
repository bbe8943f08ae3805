// Asking again after a 503, as a client honouring Retry-After would: after a pause (jittered, so a
// crowd that lost together does not come back together), and not for ever. A crowd of writers on one
// registry-log head outlasts a writer's time budget under load; each busy answer has written nothing.
// A store that did not answer in time (store-unavailable) may have landed the write all the same, so that
// answer is asked again only for a request that is safe to repeat: one with an Idempotency-Key, or a
// decision that is the same however often it is made. The caller says which.
import { expect, onTestFinished } from 'vitest';
import type { ApiResponse } from './api-client.ts';

/** At most this many asks of one request: a bound, so a hang fails the test instead of loading the store after it. */
const maxAsks = 60;

/** A racer left over from a test that timed out stops asking, instead of writing into the next test's store. */
function runningTest() {
  let ended = false;
  onTestFinished(() => {
    ended = true;
  });
  return {
    stopIfEnded() {
      if (ended) throw new Error('The test ended before this request was answered');
    },
  };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));

export async function untilAnswered(
  request: () => Promise<ApiResponse>,
  { repeatable = false }: { repeatable?: boolean } = {},
): Promise<ApiResponse> {
  const retried = repeatable ? /\/(busy|store-unavailable)$/ : /\/busy$/;
  const test = runningTest();
  for (let asks = 1; ; asks++) {
    test.stopIfEnded();
    const response = await request();
    if (response.status !== 503) return response;
    const problem = response.body as { type?: string; detail?: string };
    expect(problem.type, problem.detail).toMatch(retried);
    expect(response.headers['retry-after']).toBe('1');
    if (asks >= maxAsks) throw new Error(`Still unanswered after ${maxAsks} asks: ${problem.detail}`);
    await pause();
  }
}

/** The same for a use case called directly: BusyError (nothing written) is asked again, within the bound. */
export async function untilLanded<T>(write: () => Promise<T>, isBusy: (error: unknown) => boolean): Promise<T> {
  const test = runningTest();
  for (let asks = 1; ; asks++) {
    test.stopIfEnded();
    try {
      return await write();
    } catch (error) {
      if (!isBusy(error) || asks >= maxAsks) throw error;
    }
    await pause();
  }
}
