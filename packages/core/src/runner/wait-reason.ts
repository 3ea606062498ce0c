import type { PaginationError } from '../pagination-error.js';
import type { RetryWait } from './runner-types.js';

/** The kit's words for what goes wrong for a while: a 429, a 5xx, a timeout, a failed connection. */
const PASSING: Partial<Record<string, string>> = {
  RATE_LIMITED: 'too many requests',
  SERVER_ERROR: 'the server failed',
  TIMEOUT: 'the server did not answer in time',
  NETWORK: 'the connection failed',
};

/**
 * Why a request waits to be tried again, in words for the people who wait (English):
 * "too many requests" for a 429, "the server failed" for a 5xx…
 */
export function waitReason(wait: Pick<RetryWait, 'code'>): string {
  return PASSING[wait.code] ?? 'the request failed';
}

/**
 * Why a request failed, in words for the people who read it: the kit's for a 429, a 5xx, a
 * timeout or a failed connection ("the server failed", as `waitReason`), not the vendor's text
 * ("HTTP 503: Simulated server error"); else the error's own reason.
 */
export function failureReason(error: PaginationError): string {
  return PASSING[error.code] ?? error.reason ?? error.message;
}

/**
 * A wait this long or longer is worth saying even right after another of the same reason; shorter
 * ones (a 5xx retried at 0.25, 0.5 and 1 s) are one delay, said once.
 */
export const LONG_WAIT_MS = 5000;

/** The whole seconds left before the next attempt (0 once it is due). */
export function secondsLeft(wait: Pick<RetryWait, 'until'>, now = Date.now()): number {
  return Math.max(0, Math.ceil((wait.until - now) / 1000));
}
