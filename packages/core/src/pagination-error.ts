import type { PageRequest } from './types.js';

/**
 * Every failure the kit reports has one of these codes:
 * - `NETWORK` the request did not reach the vendor (retried first)
 * - `TIMEOUT` no complete answer within the runner's `timeoutMs` (retried first)
 * - `ABORTED` the caller's `AbortSignal` fired
 * - `RATE_LIMITED` 429 after the retries (or a `Retry-After` beyond the bound)
 * - `SERVER_ERROR` 5xx after the retries
 * - `UNAUTHORIZED` credentials refused, or a token still refused after one refresh
 * - `BAD_REQUEST` the vendor refused the parameters (4xx)
 * - `INVALID_CURSOR` the vendor refused a cursor (unknown, expired, altered)
 * - `VENDOR_ERROR` any other vendor error
 * - `BAD_RESPONSE` the answer is not what the vendor's contract says (not JSON, a field missing…)
 * - `REDIRECT_REFUSED` the vendor redirected to another origin (or in a way the runner does not
 *   follow): nothing was sent there
 * - `CURSOR_LOOP` the vendor handed out a cursor already walked, or pages that bring nothing new
 * - `INVALID_SIZE` a page size that is not a number
 * - `UNSUPPORTED_DIRECTION` a direction the source cannot page in
 * - `INVALID_OPTION` an option of the kit's own functions that cannot be used (a retry count that
 *   is not a whole number, `maxPages` below 1, no runner…): thrown at once, nothing is sent
 */
export type PaginationErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'UNAUTHORIZED'
  | 'BAD_REQUEST'
  | 'INVALID_CURSOR'
  | 'VENDOR_ERROR'
  | 'BAD_RESPONSE'
  | 'REDIRECT_REFUSED'
  | 'CURSOR_LOOP'
  | 'INVALID_SIZE'
  | 'UNSUPPORTED_DIRECTION'
  | 'INVALID_OPTION';

export interface PaginationErrorDetails {
  provider: string;
  /** The request that failed, with credentials redacted. */
  request?: PageRequest | undefined;
  status?: number | undefined;
  /** For `BAD_RESPONSE`: the field that was wrong. */
  field?: string | undefined;
  /** For `RATE_LIMITED`: the vendor's `Retry-After`, in ms. */
  retryAfterMs?: number | undefined;
  /** How many attempts were made. */
  attempts?: number | undefined;
  cause?: unknown | undefined;
}

export class PaginationError extends Error {
  override readonly name = 'PaginationError';
  // Declared, not initialised: the constructor assigns them all at once.
  declare readonly code: PaginationErrorCode;
  /** The message without the `[provider] CODE:` prefix. */
  declare readonly reason: string;
  declare readonly provider: string;
  /** The request that failed, with credentials redacted. */
  declare readonly request: PageRequest | undefined;
  declare readonly status: number | undefined;
  /** For `BAD_RESPONSE`: the field that was wrong. */
  declare readonly field: string | undefined;
  /** For `RATE_LIMITED`: the vendor's `Retry-After`, in ms. */
  declare readonly retryAfterMs: number | undefined;
  /** How many attempts were made. */
  declare readonly attempts: number | undefined;

  constructor(code: PaginationErrorCode, message: string, details: PaginationErrorDetails) {
    const { cause, ...rest } = details;
    super(`[${details.provider}] ${code}: ${message}`, cause === undefined ? undefined : { cause });
    Object.assign(this, rest, { code, reason: message });
  }
}

/**
 * Whether a value is a `PaginationError` (of `code`, when given): the type guard to read its
 * `code`, `status`, `provider` and redacted `request` in a `catch` or an `onError`.
 */
export function isPaginationError(
  error: unknown,
  code?: PaginationErrorCode,
): error is PaginationError {
  return error instanceof PaginationError && (code === undefined || error.code === code);
}

/** Whatever was thrown, as a typed error: a `PaginationError` as it is, anything else `NETWORK`. */
export function asPaginationError(error: unknown, provider: string): PaginationError {
  return isPaginationError(error)
    ? error
    : new PaginationError('NETWORK', String(error), { provider });
}
