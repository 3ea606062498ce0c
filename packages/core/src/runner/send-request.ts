import type { PageRequest } from '../types.js';
import type { FailAttempt } from './attempt-error.js';
import { messageOf } from './vendor-message.js';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The URL of a request under the base URL. A request may name an absolute URL (a Link header's
 * `next`), but only on the base URL's origin: anything else is refused before it is sent.
 */
export function requestUrl(baseUrl: string, request: PageRequest, fail: FailAttempt): string {
  const base = new URL(
    baseUrl,
    typeof location === 'undefined' ? 'http://localhost' : location.href,
  );
  const url = new URL(
    ABSOLUTE.test(request.path) ? request.path : base.href.replace(/\/$/, '') + request.path,
  );
  if (url.origin !== base.origin) {
    throw fail('INVALID_CURSOR', `refusing to follow ${url.origin}: not the base URL's origin`);
  }
  for (const [k, v] of Object.entries(request.query ?? {}))
    if (v !== undefined) url.searchParams.set(k, v);
  return ABSOLUTE.test(baseUrl) ? url.href : url.pathname + url.search;
}

/** What came back: the status, the headers and the whole body as text. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Step 2: sends the request (JSON body, `accept: application/json`, the runner's headers) and
 * reads the whole body. A request that does not complete is `NETWORK`.
 */
export async function sendRequest(
  doFetch: typeof fetch,
  url: string,
  request: PageRequest,
  headers: Record<string, string> | undefined,
  signal: AbortSignal | undefined,
  fail: FailAttempt,
): Promise<RawResponse> {
  const sent: Record<string, string> = {
    accept: 'application/json',
    ...headers,
    ...request.headers,
  };
  const body = request.body;
  if (body !== undefined) sent['content-type'] ??= 'application/json';
  try {
    const response = await doFetch(url, {
      method: request.method,
      headers: sent,
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
      signal,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (cause) {
    throw fail('NETWORK', `the request did not complete: ${messageOf(cause)}`, { cause });
  }
}
