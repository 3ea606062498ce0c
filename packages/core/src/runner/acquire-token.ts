import type { TokenProvider } from '../auth/token-provider.js';
import { isPaginationError, type PaginationError } from '../pagination-error.js';
import type { FailAttempt } from './attempt-error.js';
import { messageOf } from './vendor-message.js';

/**
 * Step 1: the access token for this attempt. A token endpoint that rate limits or fails gives a
 * typed error the runner retries like any request; anything else it throws is `UNAUTHORIZED`
 * (or `NETWORK` when the endpoint could not be reached).
 */
export async function acquireToken(
  tokens: TokenProvider,
  signal: AbortSignal | undefined,
  fail: FailAttempt,
): Promise<string> {
  try {
    return await tokens.get(signal);
  } catch (cause) {
    if (isPaginationError(cause) || signal?.aborted) throw cause as PaginationError;
    throw fail(
      cause instanceof TypeError ? 'NETWORK' : 'UNAUTHORIZED',
      `could not get an access token: ${messageOf(cause)}`,
      { cause },
    );
  }
}
