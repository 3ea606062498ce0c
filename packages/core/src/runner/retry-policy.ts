/** How the runner retries 429, 5xx and network failures. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 4). */
  retries: number;
  /** First backoff step (default 300 ms); doubles each retry, with equal jitter. */
  baseDelayMs: number;
  /** No single wait is longer; a `Retry-After` beyond it fails at once with `RATE_LIMITED` (default 30 s). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 300, maxDelayMs: 30_000 };

/** Exponential backoff with equal jitter (half fixed, half random) for retry number `attempt` (1-based). */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** Reads `Retry-After` (delta-seconds or an HTTP date) as milliseconds. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  // A negative or bare number that is not seconds is no date either: ignored (the backoff applies).
  if (/^\s*[-+]?\d/.test(value) && !/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms` unless the signal aborts first (rejects with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The codes a retry may cure: the vendor was busy, failing, slow or unreachable. */
const RETRYABLE = new Set(['RATE_LIMITED', 'SERVER_ERROR', 'NETWORK', 'TIMEOUT']);

/**
 * Step 5: whether to try again after a failure, and after how long: only for a code a retry may
 * cure, while retries remain, and never for a `Retry-After` beyond the longest wait. The wait is
 * the backoff or the vendor's `Retry-After`, whichever is longer.
 */
export function retryDelay(
  policy: RetryPolicy,
  failure: { code: string; retryAfterMs?: number | undefined },
  failuresSoFar: number,
  random: () => number = Math.random,
): number | undefined {
  const retryAfter = failure.retryAfterMs ?? 0;
  if (!RETRYABLE.has(failure.code) || failuresSoFar >= policy.retries) return undefined;
  if (retryAfter > policy.maxDelayMs) return undefined;
  return Math.max(backoffDelay(policy, failuresSoFar + 1, random), retryAfter);
}
