import type { FetchedPage, Source } from '@pagewise/core';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { sourceQueryKey } from './source-query-key.js';

const isPage = (value: unknown): value is FetchedPage<unknown> =>
  !!value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items);
const isInfinite = (value: unknown): value is InfiniteData<FetchedPage<unknown>> =>
  !!value && typeof value === 'object' && Array.isArray((value as { pages?: unknown }).pages);

/**
 * Updates or removes one item wherever it sits in the cache — every table page and every
 * infinite list of the source, whatever its parameters — after a mutation, without a refetch:
 * `update(item)` gives the new item, or `undefined` to remove it. Returns how many copies it
 * changed. (To fetch again instead: `queryClient.invalidateQueries({ queryKey: sourceQueryKey(source) })`.)
 */
export function updateItem<T, P>(
  client: QueryClient,
  source: Source<T, P>,
  key: string,
  update: (item: T) => T | undefined,
): number {
  let changed = 0;
  const onPage = <P extends { items: T[] }>(page: P): P => {
    const at = page.items.findIndex((item) => source.key(item) === key);
    if (at < 0) return page;
    changed++;
    const next = update(page.items[at] as T);
    const items = [...page.items];
    if (next === undefined) items.splice(at, 1);
    else items[at] = next;
    return { ...page, items };
  };
  client.setQueriesData(
    { queryKey: sourceQueryKey(source as Source<unknown>) },
    (data: unknown) => {
      if (isInfinite(data))
        return { ...data, pages: data.pages.map((p) => onPage(p as FetchedPage<T>)) };
      if (isPage(data)) return onPage(data as FetchedPage<T>);
      return data;
    },
  );
  return changed;
}
