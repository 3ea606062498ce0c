import { needText } from '../option-check.js';
import { optionsId } from '../options-id.js';
import { readCount, readItems } from '../read-page-fields.js';
import type { PageNumberSource, SizeLimits } from '../types.js';
import { definePageNumberSource, pageNumberLinks, withParams } from './define-source.js';

export interface OffsetLimitOptions<T, P = undefined> {
  /** Named in errors and cache keys. @defaultValue 'offset-limit' */
  provider?: string | undefined;
  path: string;
  /** Dotted path of the items array. @defaultValue 'items' */
  items?: string | undefined;
  /**
   * Dotted path of the total count, if the API reports one.
   * @defaultValue none — the last page is the first short one
   */
  total?: string | undefined;
  /** The offset parameter. @defaultValue 'offset' */
  offsetParam?: string | undefined;
  /** The page-size parameter. @defaultValue 'limit' */
  limitParam?: string | undefined;
  /** Page-size limits. @defaultValue { min: 1, max: 100, default: 20 } */
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

/** `?offset=&limit=` APIs as a page-number source (page 1 is offset 0). */
export function offsetLimitSource<T, P = undefined>(
  options: OffsetLimitOptions<T, P>,
): PageNumberSource<T, P> {
  const provider = options.provider ?? 'offset-limit';
  needText(provider, options, ['path']);
  return definePageNumberSource<T, P>({
    provider,
    id: optionsId(provider, 'offset', options),
    limits: options.limits ?? { min: 1, max: 100, default: 20 },
    key: options.key,
    request: ({ page, size, params }) => ({
      method: 'GET',
      path: options.path,
      query: {
        ...withParams(options.query, params, options.params),
        [options.offsetParam ?? 'offset']: String((page - 1) * size),
        [options.limitParam ?? 'limit']: String(size),
      },
    }),
    parse(body, { page, size }) {
      const items = readItems<T>(provider, body, options.items ?? 'items');
      const total = readCount(provider, body, options.total);
      const pageCount = total === undefined ? undefined : Math.ceil(total / size);
      return {
        items,
        total,
        pageCount,
        ...pageNumberLinks(page, 1, size, items.length, pageCount),
      };
    },
  });
}
