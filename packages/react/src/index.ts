/**
 * Hooks over the controllers of @pagewise/core, with TanStack Query as the cache.
 *
 * @module @pagewise/react
 */
export {
  type InfiniteListQuery,
  type InfiniteListQueryInput,
  infiniteListQueryOptions,
} from './infinite-list-query.js';
export {
  type PagedTableQuery,
  type PagedTableQueryInput,
  pagedTableQueryOptions,
} from './paged-table-query.js';
export { type PagewiseDefaults, PagewiseProvider } from './pagewise-provider.js';
export { sourceQueryKey } from './source-query-key.js';
export type { TableLocation } from './table-url-location.js';
export { updateItem } from './update-item.js';
export { useFeed } from './use-feed.js';
export type {
  Feed,
  FeedItemProps,
  FeedLoadProps,
  FeedProps,
  UseFeedOptions,
} from './use-feed.types.js';
export { useInfiniteList } from './use-infinite-list.js';
export type { InfiniteList, UseInfiniteListOptions } from './use-infinite-list.types.js';
export { useKeepScrollOnPrepend } from './use-keep-scroll-on-prepend.js';
export { type UseLoadMoreTriggerOptions, useLoadMoreTrigger } from './use-load-more-trigger.js';
export { usePageRange } from './use-page-range.js';
export type {
  EllipsisProps,
  PageButtonProps,
  PageRange,
  UsePageRangeOptions,
} from './use-page-range.types.js';
export { usePagedTable } from './use-paged-table.js';
export type {
  PagedTable,
  PagedTableSettings,
  PagedTableTanStackOptions,
  TakesState,
  UsePagedTableOptions,
} from './use-paged-table.types.js';
export { useSecondsLeft } from './use-seconds-left.js';
export { useTableAnnouncement } from './use-table-announcement.js';
export { type TableState, type UseTableStateOptions, useTableState } from './use-table-state.js';
