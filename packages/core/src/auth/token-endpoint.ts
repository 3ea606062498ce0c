import { DEFAULTS } from '../defaults.js';
import { PaginationError } from '../pagination-error.js';
import { BodyTooLarge, readBody } from '../runner/read-body.js';
import { parseRetryAfter } from '../runner/retry-policy.js';

/**
 * Reads a token endpoint's answer: the JSON body, or a typed error that says what went wrong —
 * `RATE_LIMITED` / `SERVER_ERROR` (which the runner retries like any page request),
 * `BAD_RESPONSE` for a body that is not JSON, `UNAUTHORIZED` for refused credentials.
 */
export async function readTokenResponse(
  provider: string,
  response: Response,
): Promise<Record<string, unknown>> {
  // Token requests carry the app's secret: a redirect is never followed (see `tokenRequest`).
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new PaginationError(
      'REDIRECT_REFUSED',
      `the token endpoint answered a redirect (HTTP ${response.status || 'opaque'}); the app credentials are not sent on`,
      { provider, status: response.status },
    );
  }
  let text: string;
  try {
    text = await readBody(response, DEFAULTS.maxTokenBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    throw new PaginationError(
      'BAD_RESPONSE',
      `the token endpoint answered over ${DEFAULTS.maxTokenBytes} bytes`,
      { provider, status: response.status, field: 'body' },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const status = response.status;
  if (status === 429) {
    throw new PaginationError('RATE_LIMITED', 'the token endpoint is rate limiting', {
      provider,
      status,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    });
  }
  if (status >= 500)
    throw new PaginationError('SERVER_ERROR', `the token endpoint failed (HTTP ${status})`, {
      provider,
      status,
    });
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new PaginationError(
      'BAD_RESPONSE',
      `the token endpoint answered ${text === '' ? 'an empty body' : 'something that is not JSON'} (HTTP ${status})`,
      { provider, status, field: 'body' },
    );
  }
  return body as Record<string, unknown>;
}

/**
 * Nothing is sent to a token endpoint without the app's credentials (an environment variable
 * left unset reads as ''): `INVALID_OPTION`, naming the options (`names`), never their values.
 */
export function needCredentials(provider: string, names: string, values: unknown[]): void {
  if (!values.every((v) => typeof v === 'string' && v !== ''))
    throw new PaginationError(
      'INVALID_OPTION',
      `${names} missing (is the environment variable set?)`,
      { provider },
    );
}
