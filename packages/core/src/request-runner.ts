import { resolvePageSize } from './page-size.js';
import {
  isPaginationError,
  PaginationError,
  type PaginationErrorCode,
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

function abortError(provider: string, request: PageRequest, cause: unknown): PaginationError {
  return new PaginationError('ABORTED', 'the request was aborted', { provider, request, cause });
}

/** Builds the URL of a request. Absolute paths must stay on the base URL's origin. */
function buildUrl(baseUrl: string, request: PageRequest, provider: string): string {
  const base = new URL(
    baseUrl,
    typeof location === 'undefined' ? 'http://localhost' : location.href,
  );
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(request.path)) {
    url = new URL(request.path);
    if (url.origin !== base.origin) {
      throw new PaginationError(
        'INVALID_CURSOR',
        `refusing to follow ${url.origin}: not the base URL's origin`,
        { provider, request: redactRequest(request) },
      );
    }
  } else {
    url = new URL(base.href.replace(/\/$/, '') + request.path);
  }
  for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
  return /^[a-z][a-z0-9+.-]*:/i.test(baseUrl) ? url.href : url.pathname + url.search;
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
    const provider = source.provider;
    // The redacted copy is made only when something shows the request: an error or an observer.
    let redacted: PageRequest | undefined;
    const safe = () => (redacted ??= redactRequest(request));
    let refreshed = false;
    let attempt = 0;
    let failures = 0;
    for (;;) {
      attempt++;
      if (signal?.aborted) throw abortError(provider, safe(), signal.reason);
      let token: string | undefined;
      if (source.auth && options.token) {
        try {
          token = await options.token.get(signal);
        } catch (cause) {
          if (signal?.aborted) throw abortError(provider, safe(), cause);
          // A token endpoint that is rate limiting, failing or unreachable is retried like any request.
          const code = isPaginationError(cause)
            ? cause.code
            : cause instanceof TypeError
              ? 'NETWORK'
              : undefined;
          if (
            (code === 'RATE_LIMITED' || code === 'SERVER_ERROR' || code === 'NETWORK') &&
            failures < policy.retries
          ) {
            failures++;
            const retryAfterMs = isPaginationError(cause) ? cause.retryAfterMs : undefined;
            const delay = Math.max(backoffDelay(policy, failures, random), retryAfterMs ?? 0);
            options.onRequest?.({
              provider,
              request: safe(),
              attempt,
              durationMs: 0,
              error: code,
              retryInMs: delay,
            });
            try {
              await wait(delay, signal);
            } catch (abort) {
              throw abortError(provider, safe(), abort);
            }
            continue;
          }
          if (isPaginationError(cause)) throw cause;
          throw new PaginationError(
            code ?? 'UNAUTHORIZED',
            `could not get an access token: ${String((cause as Error)?.message ?? cause)}`,
            { provider, request: safe(), cause },
          );
        }
      }
      const sent = token && source.auth ? source.auth.apply(request, token) : request;
      const url = buildUrl(options.baseUrl, sent, provider);
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...options.headers,
        ...sent.headers,
      };
      if (sent.body !== undefined) headers['content-type'] ??= 'application/json';
      const started = Date.now();
      const report = (extra: Partial<RequestEvent>) =>
        options.onRequest?.({
          provider,
          request: safe(),
          attempt,
          durationMs: Date.now() - started,
          ...extra,
        });

      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, {
          method: sent.method,
          headers,
          body:
            sent.body === undefined
              ? undefined
              : typeof sent.body === 'string'
                ? sent.body
                : JSON.stringify(sent.body),
          signal,
        });
        text = await response.text();
      } catch (cause) {
        if (signal?.aborted) throw abortError(provider, safe(), cause);
        failures++;
        const error = new PaginationError(
          'NETWORK',
          redactText(
            `the request did not complete: ${String((cause as Error)?.message ?? cause)}`,
            [token],
          ),
          { provider, request: safe(), cause, attempts: attempt },
        );
        if (failures > policy.retries) {
          report({ error: 'NETWORK' });
          throw error;
        }
        const delay = backoffDelay(policy, failures, random);
        report({ error: 'NETWORK', retryInMs: delay });
        await waitOrAbort(delay);
        continue;
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

      if (source.auth?.isTokenError(status, body)) {
        if (options.token && !refreshed) {
          refreshed = true;
          options.token.invalidate(token);
          report({ status, error: 'UNAUTHORIZED', retryInMs: 0 });
          continue;
        }
        report({ status, error: 'UNAUTHORIZED' });
        throw new PaginationError(
          'UNAUTHORIZED',
          redactText(
            `the access token was refused${refreshed ? ' after a refresh' : ''}: ${vendorMessage(body) ?? status}`,
            [token],
          ),
          { provider, request: safe(), status, attempts: attempt },
        );
      }

      const reading = decoded ? source.readError?.(status, body) : undefined;
      if (status >= 200 && status < 300 && !reading) {
        if (!decoded || body === undefined) {
          report({ status, error: 'BAD_RESPONSE' });
          const what =
            text === ''
              ? 'an empty body'
              : /^\s*</.test(text)
                ? 'HTML, not JSON'
                : 'not valid JSON (truncated?)';
          throw new PaginationError('BAD_RESPONSE', `the response is ${what}`, {
            provider,
            request: safe(),
            status,
            field: 'body',
          });
        }
        report({ status });
        return { status, headers: response.headers, body };
      }

      const code: PaginationErrorCode =
        reading?.code ??
        (status === 429
          ? 'RATE_LIMITED'
          : status >= 500
            ? 'SERVER_ERROR'
            : status === 401 || status === 403
              ? 'UNAUTHORIZED'
              : status >= 400
                ? 'BAD_REQUEST'
                : 'VENDOR_ERROR');
      const message = redactText(
        reading?.message ??
          `HTTP ${status}${vendorMessage(body) ? `: ${vendorMessage(body)}` : ''}`,
        [token],
      );
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (code === 'RATE_LIMITED' || code === 'SERVER_ERROR') {
        failures++;
        const delay = Math.max(backoffDelay(policy, failures, random), retryAfterMs ?? 0);
        const error = new PaginationError(code, message, {
          provider,
          request: safe(),
          status,
          retryAfterMs,
          attempts: attempt,
        });
        if (failures > policy.retries || (retryAfterMs ?? 0) > policy.maxDelayMs) {
          report({ status, error: code });
          throw error;
        }
        report({ status, error: code, retryInMs: delay });
        await waitOrAbort(delay);
        continue;
      }
      report({ status, error: code });
      throw new PaginationError(code, message, {
        provider,
        request: safe(),
        status,
        attempts: attempt,
      });

      async function waitOrAbort(ms: number) {
        try {
          await wait(ms, signal);
        } catch (cause) {
          throw abortError(provider, safe(), cause);
        }
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
    let request: PageRequest;
    let page: number | undefined;
    if (source.kind === 'cursor') {
      if (!source.directions.includes(direction)) {
        throw new PaginationError(
          'UNSUPPORTED_DIRECTION',
          `${provider} cannot page "${direction}"; it pages ${source.directions.join(', ')}`,
          { provider },
        );
      }
      if (direction === 'around' && cursor === null) {
        throw new PaginationError(
          'UNSUPPORTED_DIRECTION',
          'paging "around" needs a cursor to centre on',
          { provider },
        );
      }
      request = source.request({ cursor, direction, size });
    } else {
      if (direction === 'around')
        throw new PaginationError(
          'UNSUPPORTED_DIRECTION',
          'page-number sources cannot page "around"',
          { provider },
        );
      page = cursor === null ? source.firstPage : Number(cursor);
      if (cursor !== null && (!/^-?\d+$/.test(cursor) || page < source.firstPage)) {
        throw new PaginationError(
          'INVALID_CURSOR',
          `"${cursor}" is not a page number of this source (pages start at ${source.firstPage})`,
          { provider },
        );
      }
      request = source.request({ page, size });
    }
    const { status, headers, body } = await execute(source as Source<unknown>, request, { signal });
    let result: Page<T>;
    try {
      const context = { size, direction, cursor, status, headers };
      result =
        source.kind === 'cursor'
          ? source.parse(body, context)
          : source.parse(body, { ...context, page: page as number });
    } catch (cause) {
      if (isPaginationError(cause)) {
        throw new PaginationError(cause.code, cause.reason, {
          provider,
          request: redactRequest(request),
          status,
          field: cause.field,
          cause,
        });
      }
      throw new PaginationError(
        'BAD_RESPONSE',
        `the response could not be read: ${String((cause as Error)?.message ?? cause)}`,
        { provider, request: redactRequest(request), status, cause },
      );
    }
    return { ...result, cursor, direction, size };
  }

  return { baseUrl: options.baseUrl, fetchPage, execute };
}
