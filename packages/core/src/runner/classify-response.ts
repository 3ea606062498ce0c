import type { PaginationErrorCode } from '../pagination-error.js';
import type { Source } from '../types.js';
import type { FailAttempt } from './attempt-error.js';
import { parseRetryAfter } from './retry-policy.js';
import type { RawResponse } from './send-request.js';
import { vendorMessage } from './vendor-message.js';

/** Step 3: the body as a value (`decode`, default `JSON.parse`), or the raw text when it is not one. */
export function decodeBody(
  source: Source<unknown>,
  text: string,
): { body: unknown; decoded: boolean } {
  if (text === '') return { body: undefined, decoded: true };
  try {
    return { body: source.decode ? source.decode(text) : JSON.parse(text), decoded: true };
  } catch {
    return { body: text, decoded: false };
  }
}

/** The error code an HTTP status means when the vendor's body says nothing more specific. */
export function codeOfStatus(status: number): PaginationErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  return status >= 400 ? 'BAD_REQUEST' : 'VENDOR_ERROR';
}

/** What a response means: a page body, a refused token (refresh and retry), or a typed error. */
export type Verdict = { ok: true; body: unknown } | { ok: false; tokenRefused: true; said: string };

/**
 * Step 4: classifies a response. A token error (in an HTTP error or a 200 body) asks for a
 * refresh; a vendor error body or an HTTP error status is thrown as its typed error; a 2xx that
 * is not the JSON the contract promises is `BAD_RESPONSE`.
 */
export function classifyResponse(
  source: Source<unknown>,
  { status, headers, text }: RawResponse,
  fail: FailAttempt,
): Verdict {
  const { body, decoded } = decodeBody(source, text);
  if (source.auth?.isTokenError(status, body))
    return { ok: false, tokenRefused: true, said: vendorMessage(body) ?? String(status) };
  const reading = decoded ? source.readError?.(status, body) : undefined;
  if (status >= 200 && status < 300 && !reading) {
    if (decoded && body !== undefined) return { ok: true, body };
    const what =
      text === ''
        ? 'an empty body'
        : /^\s*</.test(text)
          ? 'HTML, not JSON'
          : 'not valid JSON (truncated?)';
    throw fail('BAD_RESPONSE', `the response is ${what}`, { status, field: 'body' });
  }
  const said = vendorMessage(body);
  throw fail(
    reading?.code ?? codeOfStatus(status),
    reading?.message ?? `HTTP ${status}${said ? `: ${said}` : ''}`,
    { status, retryAfterMs: parseRetryAfter(headers.get('retry-after')) },
  );
}
