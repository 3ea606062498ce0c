import type { TokenProvider } from '../auth/token-provider.js';
import { isPaginationError } from '../pagination-error.js';
import type { FailAttempt } from './attempt-error.js';
import { messageOf } from './vendor-message.js';

/**
 * Step 1: the access token for this attempt, within the attempt's `timeoutMs` (a token endpoint
 * that never answers is `TIMEOUT`, retried). A token endpoint that rate limits or fails gives a
 * typed error the runner retries like any request (its message scrubbed again); anything else it
 * throws is `UNAUTHORIZED` (or `NETWORK` when the endpoint could not be reached).
 */
export async function acquireToken(
  tokens: TokenProvider,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  fail: FailAttempt,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    if (timeoutMs > 0 && Number.isFinite(timeoutMs))
      timer = setTimeout(
        () => reject(fail('TIMEOUT', `no access token within ${timeoutMs} ms`)),
        timeoutMs,
      );
  });
  try {
    return await Promise.race([tokens.get(signal), late]);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (isPaginationError(cause)) {
      if (cause.code === 'TIMEOUT') throw cause;
      throw fail(cause.code, cause.reason, {
        status: cause.status,
        retryAfterMs: cause.retryAfterMs,
        field: cause.field,
        cause,
      });
    }
    throw fail(
      cause instanceof TypeError ? 'NETWORK' : 'UNAUTHORIZED',
      `could not get an access token: ${messageOf(cause)}`,
      { cause },
    );
  } finally {
    clearTimeout(timer);
  }
}
