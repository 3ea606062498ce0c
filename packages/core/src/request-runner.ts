import { resolvePageSize } from './page-size.js';
import {
  isPaginationError,
  PaginationError,
  type PaginationErrorCode,
  type PaginationErrorDetails,
} from './pagination-error.js';
import { redactRequest, redactText } from './redact.js';
import {
  backoffDelay,
  DEFAULT_RETRY,
  parseRetryAfter,
  type RetryPolicy,
  sleep,
} from './retry-policy.js';
import type { TokenProvider } from './token-provider.js';
import type { Cursor, Direction, Page, PageRequest, Source } from './types.js';

/** What the runner tells an observer after every attempt. */
export interface RequestEvent {
  provider: string;
  /** The request, credentials redacted. */
  request: PageRequest;
  attempt: number;
  status?: number;
  durationMs: number;
  /** Set when the attempt failed. */
  error?: PaginationErrorCode;
  /** Set when the runner will try again after this wait. */
  retryInMs?: number;
}

export interface RequestRunnerOptions {
  /** Vendor base URL (`https://api.dingtalk.com`) or, in a browser, your backend's proxy path (`/api/dingtalk`). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Access tokens for sources that carry `auth` (DingTalk, LINE WORKS). In a browser, leave it out and let your backend add credentials. */
  token?: TokenProvider;
  retry?: Partial<RetryPolicy>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  onRequest?(event: RequestEvent): void;
  /** Injected waits and randomness (tests, benchmarks). */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  random?(): number;
}

/** Where a page starts. For page-number sources the cursor is the page number as a string. */
export interface PagePosition {
  cursor: Cursor | null;
  direction?: Direction;
  size?: number;
}

/** A page with the position it was fetched at. */
export interface FetchedPage<T> extends Page<T> {
  cursor: Cursor | null;
  direction: Direction;
  size: number;
}

export interface RequestRunner {
  readonly baseUrl: string;
  fetchPage<T>(
    source: Source<T>,
    position: PagePosition,
    options?: { signal?: AbortSignal },
  ): Promise<FetchedPage<T>>;
  /** Executes one request for a source (auth, retry, errors) and returns the decoded body. */
  execute(
    source: Source<unknown>,
    request: PageRequest,
    options?: { signal?: AbortSignal },
  ): Promise<{ status: number; headers: Headers; body: unknown }>;
}

const ERROR_FIELDS = [
  'message',
  'errmsg',
  'description',
  'Message',
  'error_message',
  'error_description',
  'error',
];

/** A short message from a vendor error body, whatever its shape. */
export function vendorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 200) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const f of ERROR_FIELDS)
    if (typeof record[f] === 'string' && record[f]) return record[f] as string;
  if (record.meta && typeof record.meta === 'object') return vendorMessage(record.meta);
  return undefined;
}

/** The message of whatever was thrown. */
const messageOf = (cause: unknown) => String((cause as Error)?.message ?? cause);

/** The error code an HTTP status means when the vendor's body says nothing more specific. */
const codeOfStatus = (status: number): PaginationErrorCode =>
  status === 429
    ? 'RATE_LIMITED'
    : status >= 500
      ? 'SERVER_ERROR'
      : status === 401 || status === 403
        ? 'UNAUTHORIZED'
        : status >= 400
          ? 'BAD_REQUEST'
          : 'VENDOR_ERROR';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** Builds the URL of a request. Absolute paths must stay on the base URL's origin. */
function buildUrl(baseUrl: string, request: PageRequest, provider: string): string {
  const base = new URL(
    baseUrl,
    typeof location === 'undefined' ? 'http://localhost' : location.href,
  );
  const url = new URL(
    ABSOLUTE.test(request.path) ? request.path : base.href.replace(/\/$/, '') + request.path,
  );
  if (url.origin !== base.origin) {
    throw new PaginationError(
      'INVALID_CURSOR',
      `refusing to follow ${url.origin}: not the base URL's origin`,
      {
        provider,
        request: redactRequest(request),
      },
    );
  }
  for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
  return ABSOLUTE.test(baseUrl) ? url.href : url.pathname + url.search;
}

export function createRequestRunner(options: RequestRunnerOptions): RequestRunner {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const doFetch =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;

  async function execute(
    source: Source<unknown>,
    request: PageRequest,
    { signal }: { signal?: AbortSignal } = {},
  ) {
    const { provider, auth } = source;
    const tokens = auth && options.token;
    // The redacted copy is made only when something shows the request: an error or an observer.
    let redacted: PageRequest | undefined;
    const safe = () => (redacted ??= redactRequest(request));
    const aborted = (cause: unknown) =>
      new PaginationError('ABORTED', 'the request was aborted', {
        provider,
        request: safe(),
        cause,
      });
    let refreshed = false;
    let attempt = 0;
    let failures = 0;
    for (;;) {
      attempt++;
      const started = Date.now();
      const report = (event: Partial<RequestEvent>) =>
        options.onRequest?.({
          provider,
          request: safe(),
          attempt,
          durationMs: Date.now() - started,
          ...event,
        });
      let token: string | undefined;
      // Every failure of this attempt, however it happens, becomes one typed error here.
      const fail = (
        code: PaginationErrorCode,
        message: string,
        details?: Partial<PaginationErrorDetails>,
      ) =>
        new PaginationError(code, redactText(message, [token]), {
          provider,
          request: safe(),
          attempts: attempt,
          ...details,
        });
      try {
        if (signal?.aborted) throw signal.reason;
        if (tokens) {
          try {
            token = await tokens.get(signal);
          } catch (cause) {
            // A token endpoint that is rate limiting or failing is retried like any request.
            throw isPaginationError(cause) || signal?.aborted
              ? cause
              : fail(
                  cause instanceof TypeError ? 'NETWORK' : 'UNAUTHORIZED',
                  `could not get an access token: ${messageOf(cause)}`,
                  { cause },
                );
          }
        }
        const sent = token && auth ? auth.apply(request, token) : request;
        const url = buildUrl(options.baseUrl, sent, provider);
        const headers: Record<string, string> = {
          accept: 'application/json',
          ...options.headers,
          ...sent.headers,
        };
        if (sent.body !== undefined) headers['content-type'] ??= 'application/json';
        let response: Response;
        let text: string;
        try {
          response = await doFetch(url, {
            method: sent.method,
            headers,
            body:
              sent.body === undefined || typeof sent.body === 'string'
                ? (sent.body as string | undefined)
                : JSON.stringify(sent.body),
            signal,
          });
          text = await response.text();
        } catch (cause) {
          throw fail('NETWORK', `the request did not complete: ${messageOf(cause)}`, { cause });
        }

        const status = response.status;
        let body: unknown;
        let decoded = true;
        try {
          body = text === '' ? undefined : source.decode ? source.decode(text) : JSON.parse(text);
        } catch {
          decoded = false;
          body = text;
        }

        if (auth?.isTokenError(status, body)) {
          if (tokens && !refreshed) {
            refreshed = true;
            tokens.invalidate(token);
            report({ status, error: 'UNAUTHORIZED', retryInMs: 0 });
            continue;
          }
          throw fail(
            'UNAUTHORIZED',
            `the access token was refused${refreshed ? ' after a refresh' : ''}: ${vendorMessage(body) ?? status}`,
            { status },
          );
        }

        const reading = decoded ? source.readError?.(status, body) : undefined;
        if (status >= 200 && status < 300 && !reading) {
          if (!decoded || body === undefined) {
            throw fail(
              'BAD_RESPONSE',
              `the response is ${
                text === ''
                  ? 'an empty body'
                  : /^\s*</.test(text)
                    ? 'HTML, not JSON'
                    : 'not valid JSON (truncated?)'
              }`,
              { status, field: 'body' },
            );
          }
          report({ status });
          return { status, headers: response.headers, body };
        }
        const said = vendorMessage(body);
        throw fail(
          reading?.code ?? codeOfStatus(status),
          reading?.message ?? `HTTP ${status}${said ? `: ${said}` : ''}`,
          { status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) },
        );
      } catch (thrown) {
        let error = thrown;
        if (signal?.aborted) error = aborted(thrown);
        else if (isPaginationError(error)) {
          const { code, status, retryAfterMs = 0 } = error;
          if (
            (code === 'RATE_LIMITED' || code === 'SERVER_ERROR' || code === 'NETWORK') &&
            failures < policy.retries &&
            retryAfterMs <= policy.maxDelayMs
          ) {
            failures++;
            const delay = Math.max(backoffDelay(policy, failures, random), retryAfterMs);
            report({ status, error: code, retryInMs: delay });
            try {
              await wait(delay, signal);
              continue;
            } catch (cause) {
              error = aborted(cause);
            }
          } else report({ status, error: code });
        }
        throw error;
      }
    }
  }

  async function fetchPage<T>(
    source: Source<T>,
    position: PagePosition,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<FetchedPage<T>> {
    const provider = source.provider;
    const size = resolvePageSize(provider, source.limits, position.size);
    const direction = position.direction ?? 'after';
    const cursor = position.cursor;
    const fail = (
      code: PaginationErrorCode,
      message: string,
      details?: Partial<PaginationErrorDetails>,
    ) => new PaginationError(code, message, { provider, ...details });
    const isCursor = source.kind === 'cursor';
    const page = isCursor ? 0 : cursor === null ? source.firstPage : Number(cursor);
    if (
      isCursor
        ? !source.directions.includes(direction) || (direction === 'around' && cursor === null)
        : direction === 'around'
    ) {
      throw fail(
        'UNSUPPORTED_DIRECTION',
        `${provider} cannot page "${direction}"${cursor === null ? ' without a cursor' : ''}; it pages ${isCursor ? source.directions.join(', ') : 'after, before'}`,
      );
    }
    if (!isCursor && cursor !== null && (!/^-?\d+$/.test(cursor) || page < source.firstPage)) {
      throw fail(
        'INVALID_CURSOR',
        `"${cursor}" is not a page number of this source (pages start at ${source.firstPage})`,
      );
    }
    const request = isCursor
      ? source.request({ cursor, direction, size })
      : source.request({ page, size });
    const { status, headers, body } = await execute(source as Source<unknown>, request, { signal });
    try {
      const context = { size, direction, cursor, status, headers, page };
      return { ...source.parse(body, context), cursor, direction, size };
    } catch (cause) {
      throw fail(
        isPaginationError(cause) ? cause.code : 'BAD_RESPONSE',
        isPaginationError(cause)
          ? cause.reason
          : `the response could not be read: ${messageOf(cause)}`,
        {
          request: redactRequest(request),
          status,
          field: isPaginationError(cause) ? cause.field : undefined,
          cause,
        },
      );
    }
  }

  return { baseUrl: options.baseUrl, fetchPage, execute };
}
