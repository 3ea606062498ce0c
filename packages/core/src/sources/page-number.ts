import { needText } from '../option-check.js';
import { optionsId } from '../options-id.js';
import { badResponse, readCount, readItems } from '../read-page-fields.js';
import type { PageNumberSource, SizeLimits } from '../types.js';
import { definePageNumberSource, pageNumberLinks, withParams } from './define-source.js';

export interface PageNumberOptions<T, P = undefined> {
  /** Named in errors and cache keys. @defaultValue 'page-number' */
  provider?: string | undefined;
  /** The endpoint, e.g. `/api/orders`. */
  path: string;
  /** Dotted path of the items array. @defaultValue none — the body is the array itself */
  items?: string | undefined;
  /**
   * Where the total item count is: a dotted path in the body (`'meta.total'`) or a response
   * header (`{ header: 'X-Total-Count' }`).
   * @defaultValue none — the last page is the first short one
   */
  total?: string | { header: string } | undefined;
  /** The page-number parameter. @defaultValue 'page' */
  pageParam?: string | undefined;
  /** The page-size parameter. @defaultValue 'per_page' */
  sizeParam?: string | undefined;
  /** The first page's number: 1, or 0 for APIs that count from zero. @defaultValue 1 */
  firstPage?: number | undefined;
  /** @defaultValue { min: 1, max: 100, default: 20 } */
  limits?: SizeLimits | undefined;
  /** Fixed query fields sent with every request. @defaultValue none */
  query?: Record<string, string> | undefined;
  /**
   * Query fields for a list's parameters (filters, sort, search).
   * @defaultValue none — the list's parameters are not sent
   */
  params?(params: P): Record<string, string | undefined>;
  key(item: T): string;
}

/**
 * The commonest REST style, `?page=&per_page=` (names, first page and where the total is are
 * configurable): the total comes from the body or from a header such as `X-Total-Count`.
 */
export function pageNumberSource<T, P = undefined>(
  options: PageNumberOptions<T, P>,
): PageNumberSource<T, P> {
  const provider = options.provider ?? 'page-number';
  needText(provider, options, ['path']);
  const firstPage = options.firstPage ?? 1;
  return definePageNumberSource<T, P>({
    provider,
    id: optionsId(provider, 'page', options),
    firstPage,
    limits: options.limits ?? { min: 1, max: 100, default: 20 },
    key: options.key,
    request: ({ page, size, params }) => ({
      method: 'GET',
      path: options.path,
      query: {
        ...withParams(options.query, params, options.params),
        [options.pageParam ?? 'page']: String(page),
        [options.sizeParam ?? 'per_page']: String(size),
      },
    }),
    parse(body, { page, size, headers }) {
      let items: T[];
      if (options.items) items = readItems<T>(provider, body, options.items);
      else if (Array.isArray(body)) items = body as T[];
      else throw badResponse(provider, 'body', 'the body is not an array');
      const where = options.total;
      let total: number | undefined;
      if (typeof where === 'string') total = readCount(provider, body, where);
      else if (where) {
        const text = headers.get(where.header);
        if (text !== null) {
          if (!/^\d{1,15}$/.test(text.trim()))
            throw badResponse(
              provider,
              where.header,
              `the ${where.header} header "${text}" is not a count`,
            );
          total = Number(text.trim());
        }
      }
      const pageCount = total === undefined ? undefined : Math.ceil(total / size);
      return {
        items,
        ...(total === undefined ? {} : { total, pageCount }),
        ...pageNumberLinks(page, firstPage, size, items.length, pageCount),
      };
    },
  });
}
