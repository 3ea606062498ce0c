import type { TokenProvider } from '../auth/token-provider.js';
import type { PaginationErrorCode } from '../pagination-error.js';
import type { Cursor, Direction, Page, PageRequest, Source } from '../types.js';
import type { RetryPolicy } from './retry-policy.js';

/** What the runner tells an observer after every attempt. */
export interface RequestEvent {
  provider: string;
  /** The request, credentials redacted. */
  request: PageRequest;
  attempt: number;
  status?: number | undefined;
  durationMs: number;
  /** Set when the attempt failed. */
  error?: PaginationErrorCode | undefined;
  /** Set when the runner will try again after this wait. */
  retryInMs?: number | undefined;
}

export interface RequestRunnerOptions {
  /** Vendor base URL (`https://api.dingtalk.com`) or, in a browser, your backend's proxy path (`/api/dingtalk`). */
  baseUrl: string;
  /**
   * Where the vendor's links point when `baseUrl` is your backend's proxy in front of it: a link
   * under this URL (a Link header's `https://api.github.com/repos/o/r/issues?page=2`) is followed
   * under `baseUrl` instead (`/api/github/repos/o/r/issues?page=2`), with the same checks as any
   * link — the base URL's path, the source's endpoint.
   * @defaultValue none — links are followed only on `baseUrl` itself
   */
  linkBaseUrl?: string | undefined;
  /** The `fetch` to use. @defaultValue the global `fetch` */
  fetch?: typeof fetch | undefined;
  /**
   * Access tokens for sources that carry `auth` (DingTalk, LINE WORKS). In a browser, leave it out
   * and let your backend add credentials.
   * @defaultValue none — requests are sent without a token
   */
  token?: TokenProvider | undefined;
  /**
   * Retries for 429, 5xx and network failures; fields left out keep their defaults.
   * @defaultValue `{ retries: 4, baseDelayMs: 300, maxDelayMs: 30000 }`
   */
  retry?: Partial<RetryPolicy> | undefined;
  /** Headers sent with every request. @defaultValue none — only `accept: application/json` */
  headers?: Record<string, string> | undefined;
  /**
   * The most one attempt may take, reading the whole body included: a vendor that drips its
   * answer ends in `TIMEOUT` (retried like a network fault). `0` for no limit.
   * @defaultValue 10000
   */
  timeoutMs?: number | undefined;
  /**
   * Redirects followed in one attempt, on the base URL's origin only (with the same credentials);
   * a redirect to another origin is always `REDIRECT_REFUSED`. `0` refuses every redirect.
   * @defaultValue 5
   */
  maxRedirects?: number | undefined;
  /**
   * The most bytes of one answer the runner reads — counted once inflated, so a small gzip
   * answer that inflates to gigabytes stops here too. Past it the read is cancelled and the page
   * is `BAD_RESPONSE` (an error answer is read only as far as 64 KB, its status still counts).
   * @defaultValue 33554432 (32 MiB)
   */
  maxResponseBytes?: number | undefined;
  /** Called after every attempt, with the request redacted. @defaultValue none */
  onRequest?(event: RequestEvent): void;
  /** Injected waits (tests, benchmarks). @defaultValue a `setTimeout` wait the signal cuts short */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  /** Injected randomness for the backoff jitter (tests, benchmarks). @defaultValue Math.random */
  random?(): number;
}

/** Where a page starts. For page-number sources the cursor is the page number as a string. */
export interface PagePosition<P = unknown> {
  cursor: Cursor | null;
  /** Default `after`. */
  direction?: Direction | undefined;
  /** Clamped to the source's limits; default the source's default. */
  size?: number | undefined;
  /** The list's parameters (filters, sort, search), handed to the source's `request`. */
  params?: P | undefined;
}

/** A page with the position it was fetched at. */
export interface FetchedPage<T> extends Page<T> {
  cursor: Cursor | null;
  direction: Direction;
  /** The page size sent (after clamping). */
  size: number;
}

/** The decoded answer to one request. */
export interface RunnerResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * A wait before the runner tries a request again: a 429 (its `Retry-After`), a 5xx or a network
 * failure, while retries remain.
 */
export interface RetryWait {
  /** Why: `RATE_LIMITED`, `SERVER_ERROR`, `NETWORK`, `TIMEOUT`. */
  code: PaginationErrorCode;
  /** The HTTP status of the failed attempt, when there was one. */
  status?: number | undefined;
  /** The attempt that failed, from 1: the next one is `attempt + 1`. */
  attempt: number;
  /** How long the wait is, in ms. */
  inMs: number;
  /** When the next attempt goes, in ms since the epoch (`Date.now()`): for a countdown. */
  until: number;
}

/** How one request is run: cancelled by `signal`, its waits told to `onRetry`. */
export interface RequestOptions {
  /** Cancels the request, its retries and their waits. @defaultValue none */
  signal?: AbortSignal | undefined;
  /** Called before each wait for another attempt (a UI can say "trying again in 20 s"). @defaultValue none */
  onRetry?: ((wait: RetryWait) => void) | undefined;
  /**
   * At most this many retries for this request, when fewer than the runner's (a background job
   * whose next run is its retry may send 0). A refused token is still refreshed once.
   * @defaultValue the runner's `retry.retries`
   */
  retries?: number | undefined;
}

export interface RequestRunner {
  readonly baseUrl: string;
  /** Fetches one page of a source: the request the source builds, run with auth and retries, parsed. */
  fetchPage<T, P = unknown>(
    source: Source<T, P>,
    position: PagePosition<P>,
    options?: RequestOptions,
  ): Promise<FetchedPage<T>>;
  /** Executes one request for a source (auth, retry, errors) and returns the decoded body. */
  execute(
    source: Source<unknown>,
    request: PageRequest,
    options?: RequestOptions,
  ): Promise<RunnerResponse>;
}
