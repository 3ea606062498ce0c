import type {
  FetchedPage,
  PageLink,
  RequestRunner,
  SearchInput,
  Source,
  TableStateDefinition,
} from '@pagewise/core';
import { createPagedTable, DEFAULTS, memoryPageCache } from '@pagewise/core/controllers';
import type { QueryKey } from '@tanstack/react-query';
import { tableQueryKey } from './query-page-cache.js';
import { sourceQueryKey } from './source-query-key.js';

/** What `pagedTableQueryOptions` needs: the same values the table's hook is given. */
export interface PagedTableQueryInput<T, P = unknown> {
  source: Source<T, P>;
  /** The runner for where the query runs: a server runner (with credentials) on a server. */
  runner: RequestRunner;
  /**
   * The table's state definition (the one its `useTableState` takes) and the page's URL query:
   * the page, size, link and parameters are read from it exactly as the browser will read them.
   * @defaultValue none — `params`, `pageIndex`, `pageSize` and `link` as given
   */
  state?: TableStateDefinition | undefined;
  /** The URL query `state` reads when it is kept in the URL (`searchParams` as Next.js hands it, a string, `URLSearchParams`). @defaultValue '' */
  search?: SearchInput | undefined;
  /** The table's parameters (filters, sort, search), as the hook gets them. @defaultValue none, or the state's */
  params?: P | undefined;
  /** Base query key. @defaultValue sourceQueryKey(source) */
  queryKey?: QueryKey | undefined;
  /**
   * The page size, clamped to the source's limits: with `state`, the size the URL names wins and
   * this is the size when it names none — as in `usePagedTable({ state, pageSize })`.
   * @defaultValue the source's default
   */
  pageSize?: number | undefined;
  /**
   * The page to fetch, without `state` (with it, the URL's page, as the hook reads it). Any page
   * of a page-number source; on a cursor source, page 0, or the page a `link` names (other pages
   * are reached by walking, in the browser). @defaultValue 0
   */
  pageIndex?: number | undefined;
  /** Where a cursor source's page starts, without `state` (with it, the URL's link). @defaultValue none */
  link?: PageLink | undefined;
  /** How long the page counts as fresh, in ms. @defaultValue 30000 */
  staleTime?: number | undefined;
}

/** Query options for one page of a table: hand them to `prefetchQuery`, `fetchQuery` or `useQuery`. */
export interface PagedTableQuery<T> {
  queryKey: QueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<FetchedPage<T>>;
  staleTime: number;
  /** The runner retries (its backoff, `Retry-After`, token refresh): TanStack Query's own retries would multiply its requests. */
  retry: false;
}

/**
 * The query for the page a `usePagedTable` with the same options opens on — the same key, so a
 * page prefetched on a server (`queryClient.prefetchQuery(pagedTableQueryOptions(…))`, then
 * `HydrationBoundary`) is the page the hook shows on its first render, without fetching it again.
 * With the table's state definition and the URL query, the server reads the URL as the browser
 * will. Usable anywhere: this module is not a client module.
 */
export function pagedTableQueryOptions<T, P = unknown>(
  input: PagedTableQueryInput<T, P>,
): PagedTableQuery<T> {
  // A state kept in React state (no `url`) starts at its defaults in the browser: so here too.
  const page = input.state?.pageOf(input.state.options.url ? (input.search ?? '') : '');
  // Read as usePagedTable reads them: with a state, the URL's page, size and link.
  const config = {
    source: input.source as Source<T>,
    runner: input.runner,
    cache: memoryPageCache<T>(),
    queryKey: sourceQueryKey(input.source as Source<unknown>, input.queryKey),
    params: input.params !== undefined ? input.params : page?.params,
    pageSize: page?.pageSize ?? input.pageSize,
    pageIndex: (page ? page.pageIndex : input.pageIndex) ?? 0,
    link: page ? page.link : input.link,
    prefetch: false,
  };
  let table = createPagedTable<T>(config);
  // A cursor source's page whose start the table does not know (no link, or a link handed out at
  // another page size) is walked to in the browser; the server fetches page 0, the walk's first
  // step (not the whole walk, whose rows the browser would fetch again).
  if (input.source.kind === 'cursor' && table.cursorAt(config.pageIndex) === undefined)
    table = createPagedTable<T>({ ...config, pageIndex: 0 });
  // Nothing is shown yet, so the first page wanted is the step toward the requested page.
  const wanted = table.getState().wanted[0];
  if (!wanted) throw new TypeError('pagedTableQueryOptions: the table wants no page');
  return {
    queryKey: tableQueryKey(wanted.key),
    queryFn: ({ signal }) => table.load(wanted, signal),
    staleTime: input.staleTime ?? DEFAULTS.staleTime,
    retry: false,
  };
}
