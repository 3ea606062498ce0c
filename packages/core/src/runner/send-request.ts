import type { PageRequest } from '../types.js';
import type { FailAttempt } from './attempt-error.js';
import { BodyTooLarge, readBody } from './read-body.js';
import { outsidePath, resolveUrl as resolve, rootOf } from './request-url.js';
import { messageOf } from './vendor-message.js';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** What came back: the status, the headers and the whole body as text. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface SendOptions {
  baseUrl: string;
  /** Headers sent with every request (the runner's). */
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  /** The most one attempt may take, the whole body read included (0: no limit). */
  timeoutMs: number;
  /** Same-origin redirects followed in one attempt. */
  maxRedirects: number;
  /** The most bytes of an answer read (inflated); past it a page is `BAD_RESPONSE`. */
  maxResponseBytes: number;
}

/** An error answer is read only as far as its message can matter. */
const ERROR_BODY_BYTES = 64 * 1024;

/**
 * A page's body within the runner's limit (`BAD_RESPONSE` past it); an error answer's first
 * 64 KB at most (a 502 of megabytes is still a 502, retried as one).
 */
async function bodyOf(
  response: Response,
  limit: number,
  fail: FailAttempt,
  signal: AbortSignal,
): Promise<string> {
  const ok = response.status >= 200 && response.status < 300;
  try {
    return await readBody(response, ok ? limit : Math.min(limit, ERROR_BODY_BYTES), signal);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    if (!ok) return '';
    throw fail('BAD_RESPONSE', `the answer is over ${limit} bytes (maxResponseBytes)`, {
      status: response.status,
      field: 'body',
    });
  }
}

/**
 * Step 2: sends the request (JSON body, `accept: application/json`, the runner's headers) and
 * reads the body, at most `maxResponseBytes` of it, within `timeoutMs` (`TIMEOUT`: a server that drips its answer times out
 * too). Redirects are never left to `fetch`: one to another origin is `REDIRECT_REFUSED` before
 * anything is sent there (a credential never leaves its origin), and so is one on the origin out
 * of the base URL's path; one under it is followed with the same headers, unless it would turn a
 * POST into a GET. A request that does
 * not complete is `NETWORK`.
 */
export async function sendRequest(
  doFetch: typeof fetch,
  url: string,
  request: PageRequest,
  options: SendOptions,
  fail: FailAttempt,
): Promise<RawResponse> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...options.headers,
    ...request.headers,
  };
  const body = request.body;
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  // A line break inside a value (two tokens pasted into one) or a NUL is no header `fetch` sends:
  // its error would quote the value, credential and all, and a retry cannot mend it. At the
  // ends (a token read from a file with a final newline), `fetch` trims it, as here.
  for (const name in headers)
    if (/[\r\n\0]/.test(headers[name]!.trim()))
      throw fail('INVALID_OPTION', `the ${name} header holds a line break or a NUL character`);
  // One controller for the attempt: the clock aborts it, and so does the caller's signal (with its
  // reason) — a listener removed at the end, where `AbortSignal.any` cost ~16 µs a request in Node.
  const timer = new AbortController();
  const clock =
    options.timeoutMs > 0 && Number.isFinite(options.timeoutMs)
      ? setTimeout(() => timer.abort(), options.timeoutMs)
      : undefined;
  const caller = options.signal;
  const forward = () => timer.abort(caller?.reason);
  if (caller?.aborted) forward();
  else caller?.addEventListener('abort', forward, { once: true });
  const signal = timer.signal;
  const base = resolve(options.baseUrl);
  const origin = base.origin;
  let target = url;
  try {
    for (let hops = 0; ; hops++) {
      const response = await doFetch(target, {
        method: request.method,
        headers,
        body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
        signal,
        redirect: 'manual',
      });
      const { status } = response;
      // In a browser a redirect is opaque (no Location can be read): follow it on your backend.
      const redirected =
        response.type === 'opaqueredirect' || (status >= 300 && status < 400 && status !== 304);
      if (!redirected)
        return {
          status,
          headers: response.headers,
          text: await bodyOf(response, options.maxResponseBytes, fail, signal),
        };
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get('location');
      let next: URL | undefined;
      try {
        next = location ? resolve(location, resolve(target).href) : undefined;
      } catch {
        next = undefined;
      }
      if (!next)
        throw fail(
          'REDIRECT_REFUSED',
          status === 0
            ? 'the answer is a redirect the browser hides (an opaque redirect): follow it on your backend, or point baseUrl at its target'
            : `the answer is a redirect (HTTP ${status}) without a location the runner can follow`,
          { status },
        );
      if (next.username || next.password)
        throw fail('REDIRECT_REFUSED', 'refusing a redirect that carries credentials in its URL', {
          status,
        });
      if (next.origin !== origin)
        throw fail(
          'REDIRECT_REFUSED',
          `refusing the redirect to ${next.origin}: credentials stay on ${origin}`,
          { status },
        );
      // On the origin but out of the base URL's path (another tenant's API, an admin route): the
      // credentials are for the API under the base URL, as a cursor's link is held to it.
      const outside = outsidePath(next, rootOf(base));
      if (outside) throw fail('REDIRECT_REFUSED', `refusing the redirect: ${outside}`, { status });
      if (request.method !== 'GET' && status !== 307 && status !== 308)
        throw fail(
          'REDIRECT_REFUSED',
          `refusing a ${status} redirect that would turn the ${request.method} into a GET`,
          { status },
        );
      if (hops >= options.maxRedirects)
        throw fail('REDIRECT_REFUSED', `more than ${options.maxRedirects} redirects`, { status });
      target = ABSOLUTE.test(url) ? next.href : next.pathname + next.search;
    }
  } catch (cause) {
    if (cause && (cause as { name?: string }).name === 'PaginationError') throw cause;
    if (timer.signal.aborted && !options.signal?.aborted)
      throw fail('TIMEOUT', `no complete answer within ${options.timeoutMs} ms`, { cause });
    throw fail('NETWORK', `the request did not complete: ${messageOf(cause)}`, { cause });
  } finally {
    clearTimeout(clock);
    caller?.removeEventListener('abort', forward);
  }
}
