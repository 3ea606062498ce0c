import { DEFAULTS } from '../defaults.js';
import { isPaginationError, PaginationError } from '../pagination-error.js';
import { redactRequest, redactText, secretsOf } from '../redact.js';
import type { PageRequest, Source } from '../types.js';
import { acquireToken } from './acquire-token.js';
import type { FailAttempt } from './attempt-error.js';
import { checkPosition } from './check-position.js';
import { withCheckedCounts } from './checked-counts.js';
import { classifyResponse } from './classify-response.js';
import { ABSOLUTE, requestUrl } from './request-url.js';
import { type RetryPolicy, retryDelay, sleep } from './retry-policy.js';
import { runnerRetryPolicy, warnUnknownOptions } from './runner-options.js';
import type {
  FetchedPage,
  PagePosition,
  RequestEvent,
  RequestOptions,
  RequestRunner,
  RequestRunnerOptions,
  RetryWait,
  RunnerResponse,
} from './runner-types.js';
import { sendRequest } from './send-request.js';
import { messageOf } from './vendor-message.js';

/**
 * The one place a request is executed, for `paginate()` and the hooks alike. Each attempt runs
 * the steps in order — acquire a token, send, decode and classify the answer — and every failure
 * becomes one typed `PaginationError`, which is then retried (429, 5xx, network; backoff with equal
 * jitter, honouring `Retry-After`) or thrown. A refused token is refreshed once.
 */
export function createRequestRunner(options: RequestRunnerOptions): RequestRunner {
  const policy: RetryPolicy = runnerRetryPolicy(options);
  if (process.env.NODE_ENV !== 'production') warnUnknownOptions(options);
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULTS.maxResponseBytes;
  // A path as the base URL (`/api/mews`) resolves against the page: outside a browser (Node, a
  // server render), with the global fetch, no request could go anywhere.
  const pageless =
    options.fetch === undefined &&
    typeof location === 'undefined' &&
    !ABSOLUTE.test(options.baseUrl.trim());

  async function execute(
    source: Source<unknown>,
    request: PageRequest,
    { signal, onRetry, retries }: RequestOptions = {},
  ): Promise<RunnerResponse> {
    const { provider, auth } = source;
    const retrying =
      retries !== undefined && retries >= 0 && retries < policy.retries
        ? { ...policy, retries: Math.floor(retries) }
        : policy;
    // The value is not shown: a URL may hold a credential.
    if (pageless)
      throw new PaginationError(
        'INVALID_OPTION',
        'baseUrl is a path, with no page to resolve it against: give an http(s) URL',
        { provider },
      );
    // Aborted before anything was sent: no attempt made.
    if (signal?.aborted) throw aborted(provider, redactRequest(request), signal.reason, 0);
    const tokens = auth && options.token;
    // The redacted copy is made only when something shows the request: an error or an observer.
    let redacted: PageRequest | undefined;
    const safe = () => (redacted ??= redactRequest(request));
    let secrets: string[] | undefined;
    // Cut, scrubbed, then shortened (see `redactText`): no part of a secret survives a cut.
    const scrub = (message: string, token: string | undefined) => {
      secrets ??= secretsOf(request, options.headers);
      return redactText(message, [token, ...secrets]);
    };
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
      const fail: FailAttempt = (code, message, details) =>
        new PaginationError(code, scrub(message, token), {
          provider,
          request: safe(),
          attempts: attempt,
          ...details,
        });
      try {
        if (signal?.aborted) throw signal.reason;
        if (tokens) token = await acquireToken(tokens, signal, timeoutMs, fail);
        const sent = token && auth ? auth.apply(request, token) : request;
        const url = requestUrl(options.baseUrl, sent, fail, options.linkBaseUrl);
        const raw = await sendRequest(
          doFetch,
          url,
          sent,
          {
            baseUrl: options.baseUrl,
            headers: options.headers,
            signal,
            timeoutMs,
            maxRedirects,
            maxResponseBytes,
          },
          fail,
        );
        const verdict = classifyResponse(source, raw, fail);
        if (verdict.ok) {
          report({ status: raw.status });
          return { status: raw.status, headers: raw.headers, body: verdict.body };
        }
        if (tokens && !refreshed) {
          refreshed = true;
          tokens.invalidate(token);
          report({ status: raw.status, error: 'UNAUTHORIZED', retryInMs: 0 });
          continue;
        }
        throw fail(
          'UNAUTHORIZED',
          `the access token was refused${refreshed ? ' after a refresh' : ''}: ${verdict.said}`,
          { status: raw.status },
        );
      } catch (thrown) {
        let error = thrown;
        if (signal?.aborted) error = aborted(provider, safe(), signal.reason, attempt);
        else if (isPaginationError(error)) {
          const delay = retryDelay(retrying, error, failures, random);
          report({
            status: error.status,
            error: error.code,
            ...(delay === undefined ? {} : { retryInMs: delay }),
          });
          if (delay !== undefined) {
            failures++;
            tell(onRetry, {
              code: error.code,
              status: error.status,
              attempt,
              inMs: delay,
              until: Date.now() + delay,
            });
            try {
              await wait(delay, signal);
              continue;
            } catch (cause) {
              error = aborted(provider, safe(), signal?.reason ?? cause, attempt);
            }
          }
        }
        throw error;
      }
    }
  }

  async function fetchPage<T>(
    source: Source<T>,
    position: PagePosition,
    options: RequestOptions = {},
  ): Promise<FetchedPage<T>> {
    const at = checkPosition(source, position);
    const { status, headers, body } = await execute(source as Source<unknown>, at.request, options);
    const { cursor, direction, size, page, params } = at;
    try {
      const parsed = withCheckedCounts(
        source.provider,
        source.parse(body, { size, direction, cursor, status, headers, page, params }),
      );
      checkItems(source, parsed.items);
      // More items than asked for: a vendor that ignores the size would hand a table 50,000
      // rows as one page. Refused, not cut (a cut would lose the rows the next cursor skips).
      const sent = parsed.counted ?? parsed.items.length;
      if (sent > size)
        throw new PaginationError(
          'BAD_RESPONSE',
          `asked for ${size} items, the vendor sent ${sent}`,
          { provider: source.provider, field: 'items' },
        );
      for (const edge of ['next', 'prev'] as const) {
        const value = parsed[edge];
        if (typeof value === 'string' && value.length > MAX_CURSOR)
          throw new PaginationError(
            'BAD_RESPONSE',
            `the ${edge} cursor is over ${MAX_CURSOR} characters`,
            { provider: source.provider, field: edge },
          );
      }
      return { ...parsed, cursor, direction, size };
    } catch (cause) {
      const typed = isPaginationError(cause);
      throw new PaginationError(
        typed ? cause.code : 'BAD_RESPONSE',
        redactText(
          typed ? cause.reason : `the response could not be read: ${messageOf(cause)}`,
          secretsOf(at.request),
        ),
        {
          provider: source.provider,
          request: redactRequest(at.request),
          status,
          field: typed ? cause.field : undefined,
          // A typed error is re-thrown with the request: what caused it (a key() that threw), not a copy of it.
          cause: typed ? cause.cause : cause,
        },
      );
    }
  }

  return { baseUrl: options.baseUrl, fetchPage, execute };
}

/** Tells an observer of waits; what it throws does not change the request's outcome. */
function tell(onRetry: RequestOptions['onRetry'], wait: RetryWait): void {
  try {
    onRetry?.(wait);
  } catch {
    // An observer's failure is its own: the request goes on.
  }
}

/** Longer cursors are refused: no vendor needs one, and a URL that long fails anyway. */
const MAX_CURSOR = 16_384;

/** Every item is a value with a key (a `null` item, or one its source cannot key, is `BAD_RESPONSE`). */
function checkItems<T>(source: Source<T>, items: T[]): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let key: unknown;
    try {
      key = item === null || item === undefined ? undefined : source.key(item);
    } catch (thrown) {
      throw new PaginationError(
        'BAD_RESPONSE',
        `item ${i}: the source's key() threw: ${messageOf(thrown)}`,
        { provider: source.provider, field: `items[${i}]`, cause: thrown },
      );
    }
    if (typeof key !== 'string')
      throw new PaginationError(
        'BAD_RESPONSE',
        `item ${i} is ${item === null ? 'null' : typeof item} without a key (${source.provider} items are objects with an id)`,
        { provider: source.provider, field: `items[${i}]` },
      );
  }
}

/** The caller aborted: the cause is the signal's reason (what `abort(reason)` was given). */
function aborted(
  provider: string,
  request: PageRequest,
  cause: unknown,
  attempts: number,
): PaginationError {
  return new PaginationError('ABORTED', 'the request was aborted', {
    provider,
    request,
    cause,
    attempts,
  });
}
