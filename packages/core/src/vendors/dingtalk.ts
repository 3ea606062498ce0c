import { needCredentials, readTokenResponse } from '../auth/token-endpoint.js';
import { createTokenProvider, type TokenProvider } from '../auth/token-provider.js';
import { needText } from '../option-check.js';
import { optionsId } from '../options-id.js';
import { PaginationError } from '../pagination-error.js';
import { readCount, readCursor, readItems } from '../read-page-fields.js';
import { redactText } from '../redact.js';
import {
  defineCursorSource,
  definePageNumberSource,
  pageNumberLinks,
  withParams,
} from '../sources/define-source.js';
import type {
  AuthScheme,
  CursorSource,
  ErrorReading,
  PageNumberSource,
  SizeLimits,
} from '../types.js';

/**
 * DingTalk OpenAPI (`api.dingtalk.com`, v1.0). Two pagination styles:
 * - nextToken: first call without `nextToken`, then pass it back as is; the end is a response
 *   without (or with an empty) `nextToken`. `maxResults` at most 500.
 * - pageNumber: from 1 with `pageSize` (10–200 recommended); the last page is the one with fewer
 *   than `pageSize` items, or the one a total (`totalCount`, `totalPage`) names.
 * Tokens: `x-acs-dingtalk-access-token`; 40001/40014 mean invalid or expired, as an HTTP error
 * `{code}` or as a 200 `{errcode}` from the older oapi host.
 */
export const DINGTALK_TOKEN_LIMITS: SizeLimits = { min: 1, max: 500, default: 100 };
export const DINGTALK_PAGE_LIMITS: SizeLimits = { min: 1, max: 200, default: 20 };

const TOKEN_ERRORS = new Set(['40001', '40014']);

export const dingtalkAuth: AuthScheme = {
  apply: (request, token) => ({
    ...request,
    headers: { ...request.headers, 'x-acs-dingtalk-access-token': token },
  }),
  isTokenError(_status, body) {
    if (!body || typeof body !== 'object') return false;
    const b = body as { code?: unknown; errcode?: unknown };
    return TOKEN_ERRORS.has(String(b.code)) || TOKEN_ERRORS.has(String(b.errcode));
  },
};

function readDingTalkError(status: number, body: unknown): ErrorReading | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { code?: unknown; message?: unknown; errcode?: unknown; errmsg?: unknown };
  if (status === 200 && typeof b.errcode === 'number' && b.errcode !== 0) {
    return { code: 'VENDOR_ERROR', message: `errcode ${b.errcode}: ${String(b.errmsg ?? '')}` };
  }
  if (status >= 400 && typeof b.code === 'string' && /nexttoken/i.test(b.code)) {
    return { code: 'INVALID_CURSOR', message: `${b.code}: ${String(b.message ?? '')}` };
  }
  return undefined;
}

export interface DingTalkTokenListOptions<T, P = undefined> {
  /** The endpoint, e.g. `/v1.0/calendar/users/{userId}/calendars/{calendarId}/events` with the ids filled in. */
  path: string;
  /** Dotted path of the items array: `events`, `list`, `todoCards`, `result.items`… */
  items: string;
  /** Dotted path of the next token. @defaultValue 'nextToken' */
  nextToken?: string | undefined;
  /**
   * Dotted path of a total count, if the endpoint reports one (`totalCount`).
   * @defaultValue none — no total is read
   */
  total?: string | undefined;
  key(item: T): string;
  /** Fixed query fields sent with every request. @defaultValue none */
  query?: Record<string, string> | undefined;
  /**
   * The endpoint's own fields for a list's parameters, e.g. the time window DingTalk recommends
   * with `nextToken`: `(p: { from: string; to: string }) => ({ timeMin: p.from, timeMax: p.to })`.
   * @defaultValue none — the list's parameters are not sent
   */
  params?(params: P): Record<string, string | undefined>;
  /**
   * `maxResults` limits.
   * @defaultValue DINGTALK_TOKEN_LIMITS, { min: 1, max: 500, default: 100 }
   */
  limits?: SizeLimits | undefined;
}

/** A DingTalk nextToken list. An invalid token restarts the walk from the first request (DingTalk's advice). */
export function dingtalkTokenList<T, P = undefined>(
  options: DingTalkTokenListOptions<T, P>,
): CursorSource<T, P> {
  const provider = 'dingtalk';
  needText(provider, options, ['path', 'items']);
  return defineCursorSource<T, P>({
    provider,
    id: optionsId(provider, 'nextToken', options),
    limits: options.limits ?? DINGTALK_TOKEN_LIMITS,
    key: options.key,
    auth: dingtalkAuth,
    readError: readDingTalkError,
    onInvalidCursor: 'restart',
    request: ({ cursor, size, params }) => ({
      method: 'GET',
      path: options.path,
      query: {
        ...withParams(options.query, params, options.params),
        maxResults: String(size),
        nextToken: cursor ?? undefined,
      },
    }),
    parse(body) {
      const items = readItems<T>(provider, body, options.items);
      return {
        items,
        next: readCursor(provider, body, options.nextToken ?? 'nextToken'),
        total: readCount(provider, body, options.total),
      };
    },
  });
}

export interface DingTalkPageListOptions<T, P = undefined> {
  path: string;
  /** Dotted path of the items array (`result.items`, `itemList`…). */
  items: string;
  /**
   * Dotted path of the total item count (`totalCount`), if any.
   * @defaultValue none — the last page is the first short one, unless `totalPages` says
   */
  total?: string | undefined;
  /**
   * Dotted path of the total page count (`result.totalPage`), if any.
   * @defaultValue none — the page count comes from `total`, if given
   */
  totalPages?: string | undefined;
  /**
   * Name of the page-number parameter (some endpoints use `currentPage`).
   * @defaultValue 'pageNumber'
   */
  pageParam?: string | undefined;
  /** Name of the page-size parameter. @defaultValue 'pageSize' */
  sizeParam?: string | undefined;
  key(item: T): string;
  /** Fixed query fields sent with every request. @defaultValue none */
  query?: Record<string, string> | undefined;
  /**
   * The endpoint's own fields for a list's parameters (filters, a status…).
   * @defaultValue none — the list's parameters are not sent
   */
  params?(params: P): Record<string, string | undefined>;
  /** Page-size limits. @defaultValue DINGTALK_PAGE_LIMITS, { min: 1, max: 200, default: 20 } */
  limits?: SizeLimits | undefined;
}

/**
 * A DingTalk pageNumber/pageSize list. A walk reads pages 1, 2, 3… at one size, as DingTalk asks:
 * drift repair (which re-reads overlapping windows) runs only with `repairDrift: true`, and for a
 * sync DingTalk recommends its nextToken lists.
 */
export function dingtalkPageList<T, P = undefined>(
  options: DingTalkPageListOptions<T, P>,
): PageNumberSource<T, P> {
  const provider = 'dingtalk';
  needText(provider, options, ['path', 'items']);
  return definePageNumberSource<T, P>({
    provider,
    id: optionsId(provider, 'pageNumber', options),
    limits: options.limits ?? DINGTALK_PAGE_LIMITS,
    key: options.key,
    auth: dingtalkAuth,
    readError: readDingTalkError,
    // "Start with pageNumber=1 and increment the page number for each subsequent call."
    readsInOrder: true,
    request: ({ page, size, params }) => ({
      method: 'GET',
      path: options.path,
      query: {
        ...withParams(options.query, params, options.params),
        [options.pageParam ?? 'pageNumber']: String(page),
        [options.sizeParam ?? 'pageSize']: String(size),
      },
    }),
    parse(body, { page, size }) {
      const items = readItems<T>(provider, body, options.items);
      const total = readCount(provider, body, options.total);
      const pageCount =
        readCount(provider, body, options.totalPages) ??
        (total === undefined ? undefined : Math.ceil(total / size));
      return {
        items,
        total,
        pageCount,
        ...pageNumberLinks(page, 1, size, items.length, pageCount),
      };
    },
  });
}

export interface DingTalkTokenProviderOptions {
  appKey: string;
  appSecret: string;
  /** Where the token endpoint is. @defaultValue 'https://api.dingtalk.com' */
  baseUrl?: string | undefined;
  /** The `fetch` to use. @defaultValue the global `fetch` */
  fetch?: typeof fetch | undefined;
  /** Clock (ms), for tests. @defaultValue Date.now */
  now?: () => number;
}

/**
 * Access tokens from `POST /v1.0/oauth2/accessToken` (the app key and secret in, an
 * `accessToken` and its `expireIn` out), cached and refreshed before their 7,200 s run out.
 * Server-side only: the app secret must never reach a browser.
 */
export function dingtalkTokenProvider(options: DingTalkTokenProviderOptions): TokenProvider {
  const doFetch =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  return createTokenProvider({
    provider: 'dingtalk',
    now: options.now,
    async fetchToken(signal) {
      needCredentials('dingtalk', 'appKey or appSecret', [options.appKey, options.appSecret]);
      const res = await doFetch(
        `${(options.baseUrl ?? 'https://api.dingtalk.com').replace(/\/$/, '')}/v1.0/oauth2/accessToken`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ appKey: options.appKey, appSecret: options.appSecret }),
          signal: signal ?? AbortSignal.timeout(30_000),
          redirect: 'manual',
        },
      );
      const body = await readTokenResponse('dingtalk', res);
      if (!res.ok || typeof body.accessToken !== 'string' || typeof body.expireIn !== 'number') {
        throw new PaginationError(
          'UNAUTHORIZED',
          redactText(
            `DingTalk refused the app credentials (HTTP ${res.status}${body.message ? `: ${String(body.message)}` : ''})`,
            [options.appKey, options.appSecret],
          ),
          { provider: 'dingtalk', status: res.status },
        );
      }
      return { token: body.accessToken, expiresIn: body.expireIn };
    },
  });
}
