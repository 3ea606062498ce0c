import { needText } from '../option-check.js';
import { optionsId } from '../options-id.js';
import { badResponse, readItems } from '../read-page-fields.js';
import type { CursorSource, SizeLimits } from '../types.js';
import { defineCursorSource, withParams } from './define-source.js';

/**
 * Reads an RFC 8288 `Link` header into `{ rel: url }` (first link per relation), in one pass: a
 * link is `<…>` (a URL holds neither `<` nor `>`), its parameters run to the next `<`.
 */
export function parseLinkHeader(value: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (let open = value.indexOf('<'); open >= 0; ) {
    const close = value.indexOf('>', open + 1);
    if (close < 0) break;
    const next = value.indexOf('<', close + 1);
    const params = value.slice(close + 1, next < 0 ? undefined : next);
    const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(params)?.[1];
    const url = value.slice(open + 1, close);
    if (rel && !url.includes('<'))
      for (const r of rel.trim().split(/\s+/)) links[r.toLowerCase()] ??= url;
    open = next;
  }
  return links;
}

export interface LinkHeaderOptions<T, P = undefined> {
  /** Named in errors and cache keys. @defaultValue 'link-header' */
  provider?: string | undefined;
  path: string;
  /** Dotted path of the items array. @defaultValue none — the body is the array itself */
  items?: string | undefined;
  /** The page-size parameter of the first request. @defaultValue 'per_page' */
  sizeParam?: string | undefined;
  /** Page-size limits. @defaultValue { min: 1, max: 100, default: 30 } */
  limits?: SizeLimits | undefined;
  /** Fixed query fields of the first request. @defaultValue none */
  query?: Record<string, string> | undefined;
  /**
   * The header of the total row count (GitHub-style APIs send `X-Total-Count`); it gives a
   * table its row and page counts. @defaultValue 'x-total-count'
   */
  totalHeader?: string | undefined;
  /**
   * The query parameter that numbers pages in the vendor's links: the `rel="last"` link's value
   * is the page count, when the API sends one. @defaultValue 'page'
   */
  pageParam?: string | undefined;
  /**
   * Query fields of the first request for a list's parameters (the next links carry them on).
   * @defaultValue none — the list's parameters are not sent
   */
  params?(params: P): Record<string, string | undefined>;
  key(item: T): string;
}

/**
 * APIs that page with `Link: <…>; rel="next"` (GitHub style). The cursor is the next link as
 * the vendor wrote it; the runner follows it only where it resolves to this source's `path`
 * under the base URL (behind a proxy, see the runner's `linkBaseUrl`).
 */
export function linkHeaderSource<T, P = undefined>(
  options: LinkHeaderOptions<T, P>,
): CursorSource<T, P> {
  const provider = options.provider ?? 'link-header';
  needText(provider, options, ['path']);
  return defineCursorSource<T, P>({
    provider,
    id: optionsId(provider, 'link', options),
    limits: options.limits ?? { min: 1, max: 100, default: 30 },
    directions: ['after', 'before'],
    key: options.key,
    request: ({ cursor, size, params }) =>
      cursor
        ? { method: 'GET', path: options.path, link: cursor }
        : {
            method: 'GET',
            path: options.path,
            query: {
              ...withParams(options.query, params, options.params),
              [options.sizeParam ?? 'per_page']: String(size),
            },
          },
    parse(body, { headers }) {
      let items: T[];
      if (options.items) items = readItems<T>(provider, body, options.items);
      else if (Array.isArray(body)) items = body as T[];
      else throw badResponse(provider, 'body', 'the body is not an array');
      const header = headers.get('link');
      const links = parseLinkHeader(header);
      for (const rel of ['next', 'prev'] as const) {
        const url = links[rel];
        // A relation named with no `<…>` link read for it (`URL; rel="next"`, a `<` inside the
        // URL): not the end of the list, a header the source cannot read.
        if (
          url === undefined &&
          header &&
          new RegExp(`rel\\s*=[^,<]*\\b${rel}\\b`, 'i').test(header)
        )
          throw badResponse(
            provider,
            'link',
            `the Link header names rel="${rel}" without a <URL> for it`,
          );
        if (url === undefined) continue;
        try {
          new URL(url, 'http://base.invalid/');
        } catch {
          throw badResponse(provider, 'link', `the Link header's rel="${rel}" URL does not parse`);
        }
      }
      return {
        items,
        next: links.next ?? null,
        prev: links.prev ?? null,
        ...countsOf(headers, links.last, options.totalHeader, options.pageParam),
      };
    },
  });
}

/** Whole numbers only: a count the vendor wrote as `"12"`, never `"1e3"` or `"-1"`. */
const count = (text: string | null | undefined) =>
  text != null && /^\d{1,12}$/.test(text.trim()) ? Number(text) : undefined;

/** The counts a Link-header API gives: the total from a header, the page count from `rel="last"`. */
function countsOf(
  headers: Headers,
  last: string | undefined,
  totalHeader = 'x-total-count',
  pageParam = 'page',
): { total?: number; pageCount?: number } {
  const total = count(headers.get(totalHeader));
  let pageCount: number | undefined;
  if (last !== undefined) {
    try {
      pageCount = count(new URL(last, 'http://base.invalid/').searchParams.get(pageParam));
    } catch {
      pageCount = undefined;
    }
  }
  return {
    ...(total === undefined ? {} : { total }),
    ...(pageCount === undefined || pageCount < 1 ? {} : { pageCount }),
  };
}
