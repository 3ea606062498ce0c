import type { PageRequest } from '../types.js';
import type { FailAttempt } from './attempt-error.js';

/** A URL with a scheme (`https:`), not a path. */
export const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
/** Separators and dots written as escapes: a server that decodes them would leave the path. */
const ENCODED_SEPARATOR = /%(2f|5c|00)/i;
/**
 * A dot segment with a path parameter (`/..;/`, escaped or not: `/%2e%2e;/`): servers that
 * decode the path and drop `;…` (Tomcat, Jetty) read it as `..`.
 */
const DOT_PARAMETER = /\/(?:\.|%2e){1,2};/i;

/** A URL against the page's own location in a browser (for a base URL such as `/api`). */
export const resolveUrl = (url: string, base?: string): URL =>
  new URL(url, base ?? (typeof location === 'undefined' ? 'http://localhost' : location.href));

const trimSlash = (path: string) => path.replace(/\/+$/, '');
const under = (path: string, root: string) =>
  root === '' || path === root || path.startsWith(`${root}/`);

/**
 * The URL of a request, checked before anything is sent. A request names its endpoint (`path`,
 * under the base URL); a request that follows a link the vendor handed out (`link`: a Link
 * header's `next`, a URL from a page URL's `?cursor=`) goes there only when the link, resolved
 * as a browser resolves a link (against the endpoint's URL), stays on the base URL's origin,
 * under its path, at the same endpoint. Paths are parsed and normalised as URLs first, so `..`,
 * `%2e%2e` and `\` are judged where they lead; `%2f`, `%5c` and `%00` in a path are refused
 * outright, as a server may decode them. A link on `linkBaseUrl` (the vendor behind a proxy) is
 * mapped onto the base URL first. What fails is `INVALID_CURSOR` for a link, `BAD_REQUEST` for
 * a source's own relative path.
 */
export function requestUrl(
  baseUrl: string,
  request: PageRequest,
  fail: FailAttempt,
  linkBaseUrl?: string,
): string {
  const base = resolveUrl(baseUrl);
  const root = rootOf(base);
  const endpoint = endpointUrl(base, root, request.path, fail);
  let url = endpoint;
  if (request.link !== undefined) {
    const followed = followLink(base, root, request.path, request.link, linkBaseUrl, fail);
    if (trimSlash(followed.pathname) !== trimSlash(endpoint.pathname))
      throw fail(
        'INVALID_CURSOR',
        `refusing to follow a link to ${followed.pathname}: not this source's endpoint (${endpoint.pathname})`,
      );
    url = followed;
  }
  for (const [k, v] of Object.entries(request.query ?? {}))
    if (v !== undefined) url.searchParams.set(k, v);
  return ABSOLUTE.test(baseUrl) ? url.href : url.pathname + url.search;
}

/** The source's endpoint under the base URL. */
function endpointUrl(base: URL, root: string, path: string, fail: FailAttempt): URL {
  let url: URL;
  try {
    url = ABSOLUTE.test(path)
      ? new URL(path)
      : new URL(`${root}${path.startsWith('/') ? '' : '/'}${path}`, base.origin);
  } catch {
    throw fail('BAD_REQUEST', 'the request path is not a URL');
  }
  // An absolute path is a place a vendor named (older sources put a `next` URL there).
  checkPlace(
    url,
    base,
    root,
    fail,
    ABSOLUTE.test(path) ? 'INVALID_CURSOR' : 'BAD_REQUEST',
    'the request path',
  );
  url.hash = '';
  return url;
}

/** A vendor's link, resolved against the endpoint's URL (on the vendor's side of a proxy). */
function followLink(
  base: URL,
  root: string,
  path: string,
  link: string,
  linkBaseUrl: string | undefined,
  fail: FailAttempt,
): URL {
  let url: URL;
  try {
    const vendor = linkBaseUrl === undefined ? undefined : resolveUrl(linkBaseUrl);
    const vendorRoot = vendor ? trimSlash(vendor.pathname) : root;
    const at = new URL(
      `${vendorRoot}${path.startsWith('/') ? '' : '/'}${path}`,
      (vendor ?? base).origin,
    );
    url = new URL(link, at);
    if (vendor && url.origin === vendor.origin && under(url.pathname, vendorRoot))
      url = new URL(root + url.pathname.slice(vendorRoot.length) + url.search, base.origin);
  } catch {
    throw fail('INVALID_CURSOR', 'the cursor is not a link this source can follow');
  }
  checkPlace(url, base, root, fail, 'INVALID_CURSOR', 'the link');
  url.hash = '';
  return url;
}

/**
 * Why a URL is no place under the base URL's path `root`: an encoded separator in its path, or
 * not under `root` at all. `undefined` when it is (its origin is checked on its own).
 */
export function outsidePath(url: URL, root: string): string | undefined {
  if (ENCODED_SEPARATOR.test(url.pathname)) return 'an encoded separator in its path';
  if (DOT_PARAMETER.test(url.pathname)) return 'a dot segment with a parameter (..;) in its path';
  if (!under(url.pathname, root)) return `${url.pathname} leaves the base URL's path (${root})`;
  return undefined;
}

/** The base URL's path, the root every request stays under. */
export const rootOf = (base: URL): string => trimSlash(base.pathname);

function checkPlace(
  url: URL,
  base: URL,
  root: string,
  fail: FailAttempt,
  code: 'INVALID_CURSOR' | 'BAD_REQUEST',
  what: string,
): void {
  if (url.origin !== base.origin)
    throw fail(
      code,
      `refusing to follow ${url.origin === 'null' ? `a ${url.protocol} URL` : url.origin}: not the base URL's origin`,
    );
  if (url.username || url.password) throw fail(code, `${what} carries credentials in its URL`);
  const outside = outsidePath(url, root);
  if (outside) throw fail(code, `refusing ${what}: ${outside}`);
}
