import type { CursorSource, Direction, PageNumberSource, SizeLimits } from '../types.js';

function checkLimits(provider: string, limits: SizeLimits): SizeLimits {
  const { min, max, default: def } = limits;
  if (
    !(
      Number.isInteger(min) &&
      Number.isInteger(max) &&
      Number.isInteger(def) &&
      min >= 1 &&
      min <= def &&
      def <= max
    )
  ) {
    throw new RangeError(
      `${provider}: limits must be integers with 1 ≤ min ≤ default ≤ max, got ${JSON.stringify(limits)}`,
    );
  }
  return limits;
}

export type CursorSourceSpec<T> = Omit<CursorSource<T>, 'kind' | 'directions'> & {
  directions?: ReadonlyArray<Direction>;
};
export type PageNumberSourceSpec<T> = Omit<PageNumberSource<T>, 'kind' | 'firstPage'> & {
  firstPage?: number;
};

/** Defines a cursor source from a few functions (a vendor of your own in about 20 lines). */
export function defineCursorSource<T>(spec: CursorSourceSpec<T>): CursorSource<T> {
  return {
    ...spec,
    kind: 'cursor',
    directions: spec.directions ?? ['after'],
    limits: checkLimits(spec.provider, spec.limits),
  };
}

/** Defines a page-number source from a few functions. */
export function definePageNumberSource<T>(spec: PageNumberSourceSpec<T>): PageNumberSource<T> {
  return {
    ...spec,
    kind: 'page',
    firstPage: spec.firstPage ?? 1,
    limits: checkLimits(spec.provider, spec.limits),
  };
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
