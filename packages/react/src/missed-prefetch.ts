import type { Source } from '@pagewise/core';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { sourceQueryKey } from './source-query-key.js';

/** Whether a cached query is a table's page (`…, 'table', size, direction, cursor`) or a list. */
const isTablePage = (key: QueryKey) => key[key.length - 4] === 'table';

/**
 * In development, during a server render: a hook that renders with nothing to show while the
 * request's cache holds pages of the same source under other keys says so. That is a server
 * prefetch given other options than the hook (another page size, other `params`, another state
 * or URL query, a `queryKey` on one side only): the HTML goes out empty and the browser fetches
 * again, which nothing else would tell. Not while its own query is being fetched (a prefetch
 * streamed, not awaited). Nothing in production, nor in a browser (there, another route's pages
 * of the source are no mistake).
 */
export function warnMissedPrefetch(
  client: QueryClient,
  hook: 'usePagedTable' | 'useInfiniteList',
  what: { source: Source<unknown>; queryKey?: QueryKey | undefined; loading: boolean },
): void {
  if (process.env.NODE_ENV === 'production' || typeof window !== 'undefined' || !what.loading)
    return;
  const table = hook === 'usePagedTable';
  const ofSource = client
    .getQueryCache()
    .findAll({ queryKey: sourceQueryKey(what.source, what.queryKey) })
    .filter((q) => isTablePage(q.queryKey) === table);
  // A prefetch of the source still on its way (streamed, not awaited) may be this hook's.
  if (ofSource.some((q) => q.state.fetchStatus === 'fetching')) return;
  const held = ofSource.filter((q) => q.state.data !== undefined);
  if (held.length === 0) return;
  console.warn(
    `[pagewise] ${hook}: rendered on the server with nothing to show, while this request's cache holds ${held.length === 1 ? 'a page' : `${held.length} pages`} of the same source under another key (${held[0]?.queryHash}). If that prefetch was meant for this ${table ? 'table' : 'list'}, it was given other options than the hook: give both the same pageSize, params (or state and URL query) and queryKey — the HTML is empty and the browser fetches again. (A second ${table ? 'table' : 'list'} of the source meant to load in the browser only: nothing to do.)`,
  );
}
