import { need } from '../option-check.js';
import type { CursorSource, Direction, PageNumberSource, SizeLimits } from '../types.js';
import { repairDrift } from './drift-repair.js';

/** A source's key function and size limits, checked when it is defined (`INVALID_OPTION`). */
function checkSpec(
  spec: CursorSourceSpec<unknown, unknown> | PageNumberSourceSpec<unknown, unknown>,
): SizeLimits {
  const { provider, limits } = spec;
  need(typeof provider === 'string' && provider !== '', 'pagewise', 'provider', provider, 'a name');
  need(typeof spec.key === 'function', provider, 'key', typeof spec.key, 'a function');
  const { min, max, default: def } = limits ?? ({} as SizeLimits);
  const ints = [min, max, def].every(Number.isInteger);
  need(
    ints && min >= 1 && min <= def && def <= max,
    provider,
    'limits',
    `${min}-${def}-${max}`,
    'integers with 1 ≤ min ≤ default ≤ max (min-default-max)',
  );
  return limits;
}

export type CursorSourceSpec<T, P = undefined> = Omit<CursorSource<T, P>, 'kind' | 'directions'> & {
  /** @defaultValue ['after'] */
  directions?: ReadonlyArray<Direction> | undefined;
};
export type PageNumberSourceSpec<T, P = undefined> = Omit<
  PageNumberSource<T, P>,
  'kind' | 'firstPage' | 'repairDrift'
> & {
  /** @defaultValue 1 */
  firstPage?: number | undefined;
};

/**
 * Defines a cursor source from a few functions (a vendor of your own in about 20 lines). Give
 * the parameters type as the second type argument when the source takes filters or sort:
 * `defineCursorSource<Order, OrderQuery>({…})`.
 */
export function defineCursorSource<T, P = undefined>(
  spec: CursorSourceSpec<T, P>,
): CursorSource<T, P> {
  return {
    ...spec,
    kind: 'cursor',
    directions: spec.directions ?? ['after'],
    limits: checkSpec(spec as CursorSourceSpec<unknown, unknown>),
  };
}

/** Defines a page-number source from a few functions (see `defineCursorSource` for parameters). */
export function definePageNumberSource<T, P = undefined>(
  spec: PageNumberSourceSpec<T, P>,
): PageNumberSource<T, P> {
  const source: PageNumberSource<T, P> = {
    ...spec,
    kind: 'page',
    firstPage: spec.firstPage ?? 1,
    limits: checkSpec(spec as PageNumberSourceSpec<unknown, unknown>),
  };
  need(
    Number.isSafeInteger(source.firstPage) && source.firstPage >= 0,
    spec.provider,
    'firstPage',
    spec.firstPage,
    'a whole number ≥ 0',
  );
  source.repairDrift = () => repairDrift(source);
  return source;
}

/** `next`/`prev` for page numbers: the end when a page comes back short or the count says so. */
export function pageNumberLinks(
  page: number,
  firstPage: number,
  size: number,
  itemCount: number,
  pageCount: number | undefined,
): { next: string | null; prev: string | null } {
  const last = itemCount < size || (pageCount !== undefined && page >= firstPage + pageCount - 1);
  return { next: last ? null : String(page + 1), prev: page > firstPage ? String(page - 1) : null };
}

/**
 * A source's fixed query with its parameters merged in: `map(params)` gives the vendor's fields
 * (entries left `undefined` are not sent). Without parameters, the fixed query alone.
 */
export function withParams<P>(
  query: Record<string, string | undefined> | undefined,
  params: P | undefined,
  map: ((params: P) => Record<string, string | undefined>) | undefined,
): Record<string, string | undefined> {
  return { ...query, ...(params !== undefined && map ? map(params) : {}) };
}
