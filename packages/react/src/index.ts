export type { PageRangeItem } from '@pagewise/core/controllers';
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
export {
  type PagewiseDefaults,
  PagewiseProvider,
  usePagewiseDefaults,
} from './pagewise-provider.js';
export { sourceQueryKey } from './source-query-key.js';
export {
  readTableUrl,
  type TableUrlOptions,
  type TableUrlState,
  tablePageFromUrl,
  writeTableUrl,
} from './table-url.js';
export { updateItem } from './update-item.js';
export { useDebouncedValue } from './use-debounced-value.js';
export { useFeed } from './use-feed.js';
export type {
  Feed,
  FeedItemProps,
  FeedLoadProps,
  FeedMessages,
  FeedProps,
  UseFeedOptions,
} from './use-feed.types.js';
export { useInfiniteList } from './use-infinite-list.js';
export type {
  InfiniteList,
  ListPageParam,
  UseInfiniteListOptions,
} from './use-infinite-list.types.js';
export { useKeepScrollOnPrepend } from './use-keep-scroll-on-prepend.js';
export { type UseLoadMoreTriggerOptions, useLoadMoreTrigger } from './use-load-more-trigger.js';
export { usePageIndexParam } from './use-page-index-param.js';
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
  PagedTableOptions,
  PaginationState,
  UsePagedTableOptions,
} from './use-paged-table.types.js';
export {
  type TableAnnouncementMessages,
  useTableAnnouncement,
} from './use-table-announcement.js';
export {
  type ColumnFilterState,
  type ColumnSortState,
  type TableState,
  type Updater,
  type UseTableStateOptions,
  useTableState,
} from './use-table-state.js';
