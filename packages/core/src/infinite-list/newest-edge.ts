import type { FetchedPage } from '../runner/runner-types.js';
import type { Source } from '../types.js';
import { listItems } from './list-items.js';
import type { ListPage, ListPageParam } from './list-page.js';

/** Which end of a list holds the newest items: its start (newest-first APIs) or its end. */
export type NewestEdge = 'start' | 'end';

/**
 * How to bring a list's newest edge up to date with one request:
 * - `before` / `after`: ask for what lies beyond the newest item held (a position the vendor
 *   can page from: Dashly `before`/`after` a position, Mews right after an id) and add it as a
 *   page of its own — only new items travel;
 * - `reread`: the vendor offers nothing better, so the edge page is read again and merged by key.
 */
export interface NewestEdgeRequest {
  mode: 'before' | 'after' | 'reread';
  param: ListPageParam;
}

/** The pages a list holds, with the position each was fetched at (TanStack Query's `InfiniteData`). */
export interface LoadedPages<T> {
  pages: ReadonlyArray<ListPage<T>>;
  pageParams: ReadonlyArray<ListPageParam>;
}

/** Where a list's pages lead on: the page param past its last page, and before its first. */
export interface EdgeFacts<T> {
  nextParam(last: ListPage<T>): ListPageParam | undefined;
  previousParam(first: ListPage<T>): ListPageParam | undefined;
}

/**
 * Whether the pages held reach the newest edge: no page lies beyond them there, or what lies
 * beyond arrived (a live refresh brought more than a page).
 */
export function holdsNewest<T>(loaded: LoadedPages<T>, facts: EdgeFacts<T>, edge: NewestEdge) {
  const { pages } = loaded;
  const page: ListPage<T> | undefined = edge === 'start' ? pages[0] : pages[pages.length - 1];
  if (!page || page.arrived) return true;
  return (edge === 'start' ? facts.previousParam(page) : facts.nextParam(page)) === undefined;
}

/** The request that refreshes the newest edge of what is loaded, or `undefined` for an empty list. */
export function newestEdgeRequest<T>(
  source: Source<T>,
  loaded: LoadedPages<T>,
  edge: NewestEdge,
): NewestEdgeRequest | undefined {
  const { pages, pageParams } = loaded;
  if (pages.length === 0) return undefined;
  const atStart = edge === 'start';
  const page = atStart ? pages[0] : pages[pages.length - 1];
  const param = atStart ? pageParams[0] : pageParams[pageParams.length - 1];
  if (!page || !param) return undefined;
  const item = atStart ? page.items[0] : page.items[page.items.length - 1];
  if (item !== undefined && source.kind === 'cursor') {
    const direction = atStart ? 'before' : 'after';
    if (!atStart && source.cursorAfter) {
      const cursor = source.cursorAfter(item);
      if (cursor !== undefined) return { mode: 'after', param: { cursor, direction: 'after' } };
    }
    if (source.directions.includes(direction) && source.cursorOf) {
      const cursor = source.cursorOf(item);
      if (cursor !== undefined) return { mode: direction, param: { cursor, direction } };
    }
  }
  return { mode: 'reread', param };
}

export interface NewestEdgeResult<T> {
  pages: ListPage<T>[];
  pageParams: ListPageParam[];
  /** Items the refresh added (not held before). */
  added: number;
}

/**
 * Merges what a newest-edge request brought into the loaded pages. New items join the edge page
 * while it has room (up to the page size), else become a page of their own at that edge (its
 * own `prev`/`next` say whether more lie beyond); a re-read
 * edge page is merged by key into the edge page. When a re-read shares no item with what is
 * held and is full, more arrived than one page: the list restarts from the re-read page, as
 * anything else would leave a hole between the new items and the old.
 */
export function mergeNewestEdge<T>(
  loaded: LoadedPages<T>,
  request: NewestEdgeRequest,
  fetched: FetchedPage<T>,
  key: (item: T) => string,
  edge: NewestEdge,
): NewestEdgeResult<T> {
  const held = new Set<string>();
  for (const page of loaded.pages) for (const item of page.items) held.add(key(item));
  const fresh = fetched.items.filter((item) => !held.has(key(item)));
  const pages = [...loaded.pages];
  const pageParams = [...loaded.pageParams];
  if (fresh.length === 0 && request.mode !== 'reread') return { pages, pageParams, added: 0 };
  if (request.mode !== 'reread') {
    const atStart = request.mode === 'before';
    const at = atStart ? 0 : pages.length - 1;
    const old = pages[at];
    // Pages that count other entities than their items (Mews extents: `counted`) keep their own.
    const plain = old?.counted === undefined && fetched.counted === undefined;
    if (old && plain && old.items.length + fresh.length <= fetched.size) {
      // Room in the edge page: what arrived joins it, so a live chat polling one message at a time
      // does not fill a `maxPages` window with pages of one and push the history it holds away.
      pages[at] = atStart
        ? { ...old, items: [...fresh, ...old.items], prev: fetched.prev, arrived: true }
        : { ...old, items: [...old.items, ...fresh], next: fetched.next, arrived: true };
    } else if (atStart) {
      pages.unshift({ ...fetched, arrived: true });
      pageParams.unshift(request.param);
    } else {
      pages.push({ ...fetched, arrived: true });
      pageParams.push(request.param);
    }
  } else {
    const at = edge === 'start' ? 0 : pages.length - 1;
    const old = pages[at]!;
    const overlaps = fetched.items.some((item) => held.has(key(item)));
    if (!overlaps && fetched.items.length > 0 && fetched.items.length >= fetched.size) {
      return { pages: [fetched], pageParams: [request.param], added: fresh.length };
    }
    const merged: ListPage<T> =
      edge === 'start'
        ? { ...old, items: listItems([fetched, old], key) }
        : { ...old, items: listItems([old, fetched], key), next: fetched.next };
    pages[at] = merged;
  }
  return { pages, pageParams, added: fresh.length };
}

/**
 * A list after an edge refresh, within its `maxPages` window: the far end gives way to what
 * arrived (pages at the start give way when the newest edge is the end, and the other way round).
 */
export function keepWindow<T>(
  data: { pages: ListPage<T>[]; pageParams: ListPageParam[] },
  maxPages: number | undefined,
  edge: NewestEdge,
): { pages: ListPage<T>[]; pageParams: ListPageParam[] } {
  const over = maxPages === undefined ? 0 : data.pages.length - maxPages;
  if (over <= 0) return data;
  return edge === 'end'
    ? { pages: data.pages.slice(over), pageParams: data.pageParams.slice(over) }
    : { pages: data.pages.slice(0, -over), pageParams: data.pageParams.slice(0, -over) };
}
