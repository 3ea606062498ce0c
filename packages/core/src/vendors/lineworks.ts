import { needCredentials, readTokenResponse } from '../auth/token-endpoint.js';
import { createTokenProvider, type TokenProvider } from '../auth/token-provider.js';
import { needText } from '../option-check.js';
import { optionsId } from '../options-id.js';
import { PaginationError } from '../pagination-error.js';
import { readCursor, readItems } from '../read-page-fields.js';
import { defineCursorSource, withParams } from '../sources/define-source.js';
import type { AuthScheme, CursorSource } from '../types.js';

/**
 * LINE WORKS API 2.0: `count` + `cursor`; the response carries
 * `responseMetaData.nextCursor`, omitted on the last page. The cursor is base64 (`+`, `/`, `=`)
 * and goes back exactly as received, URL-encoded. `count` may not exceed the endpoint's maxCount.
 */
export const lineworksAuth: AuthScheme = {
  apply: (request, token) => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${token}` },
  }),
  isTokenError: (status) => status === 401,
};

export interface LineWorksListOptions<T, P = undefined> {
  /** e.g. `/v1.0/users`. */
  path: string;
  /** Field holding the items (`users`, `calendarPersonals`…). */
  items: string;
  /** The endpoint's maxCount (users: 100). */
  maxCount: number;
  /** The endpoint's default count, the page size when none is given. @defaultValue maxCount */
  defaultCount?: number | undefined;
  key(item: T): string;
  /** Fixed query fields sent with every request. @defaultValue none */
  query?: Record<string, string> | undefined;
  /**
   * The endpoint's own fields for a list's parameters.
   * @defaultValue none — the list's parameters are not sent
   */
  params?(params: P): Record<string, string | undefined>;
}

/**
 * A LINE WORKS list (users, calendars…) as a cursor source: `count` up to the endpoint's
 * `maxCount`, `cursor` sent back exactly as received (URL-encoded), the end when
 * `responseMetaData.nextCursor` is left out. Use it with `lineworksTokenProvider` on a server.
 */
export function lineworksList<T, P = undefined>(
  options: LineWorksListOptions<T, P>,
): CursorSource<T, P> {
  const provider = 'lineworks';
  needText(provider, options, ['path', 'items']);
  return defineCursorSource<T, P>({
    provider,
    id: optionsId(provider, 'list', options),
    limits: { min: 1, max: options.maxCount, default: options.defaultCount ?? options.maxCount },
    key: options.key,
    auth: lineworksAuth,
    readError: (status, body) => {
      const description = (body as { description?: unknown } | null)?.description;
      return status === 400 && typeof description === 'string' && /cursor/i.test(description)
        ? { code: 'INVALID_CURSOR', message: description }
        : undefined;
    },
    request: ({ cursor, size, params }) => ({
      method: 'GET',
      path: options.path,
      query: {
        ...withParams(options.query, params, options.params),
        count: String(size),
        cursor: cursor ?? undefined,
      },
    }),
    parse: (body) => ({
      items: readItems<T>(provider, body, options.items),
      next: readCursor(provider, body, 'responseMetaData.nextCursor'),
    }),
  });
}

export interface LineWorksTokenProviderOptions {
  /** The OAuth token endpoint (`https://auth.worksmobile.com/oauth2/v2.0/token`). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The OAuth scope requested. @defaultValue 'user.read' */
  scope?: string | undefined;
  /** Extra form fields (a JWT `assertion` for service accounts…). @defaultValue none */
  form?: Record<string, string> | undefined;
  /** The `fetch` to use. @defaultValue the global `fetch` */
  fetch?: typeof fetch | undefined;
}

/** OAuth client-credentials tokens for LINE WORKS, cached until shortly before expiry. Server-side only. */
export function lineworksTokenProvider(options: LineWorksTokenProviderOptions): TokenProvider {
  const doFetch =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  return createTokenProvider({
    provider: 'lineworks',
    async fetchToken(signal) {
      needCredentials('lineworks', 'clientId or clientSecret', [
        options.clientId,
        options.clientSecret,
      ]);
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope: options.scope ?? 'user.read',
        ...options.form,
      });
      const res = await doFetch(options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: signal ?? AbortSignal.timeout(30_000),
        redirect: 'manual',
      });
      const body = await readTokenResponse('lineworks', res);
      if (!res.ok || typeof body.access_token !== 'string') {
        throw new PaginationError(
          'UNAUTHORIZED',
          `LINE WORKS refused the client credentials (HTTP ${res.status})`,
          { provider: 'lineworks', status: res.status },
        );
      }
      return { token: body.access_token, expiresIn: Number(body.expires_in ?? 3600) };
    },
  });
}
