import type { PaginationError } from '../pagination-error.js';
import type { RetryWait } from './runner-types.js';

/**
 * Why a request waits to be tried again, in words for the people who wait (English):
 * "too many requests" for a 429, "the server failed" for a 5xx…
 */
export function waitReason(wait: Pick<RetryWait, 'code'>): string {
  switch (wait.code) {
    case 'RATE_LIMITED':
      return 'too many requests';
    case 'SERVER_ERROR':
      return 'the server failed';
    case 'TIMEOUT':
      return 'the server did not answer in time';
    case 'NETWORK':
      return 'the connection failed';
    default:
      return 'the request failed';
  }
}

/**
 * Why a request failed, in words for the people who read it: the kit's for a 429, a 5xx, a
 * timeout or a failed connection ("the server failed", as `waitReason`), not the vendor's text
 * ("HTTP 503: Simulated server error"); else the error's own reason.
 */
export function failureReason(error: PaginationError): string {
  return /^(RATE_LIMITED|SERVER_ERROR|TIMEOUT|NETWORK)$/.test(error.code)
    ? waitReason(error as Pick<RetryWait, 'code'>)
    : (error.reason ?? error.message);
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
