export type { PageRangeItem } from '@pagewise/core/controllers';
export { sourceQueryKey } from './source-query-key.js';
export {
  type InfiniteList,
  type ListPageParam,
  type UseInfiniteListOptions,
  useInfiniteList,
} from './use-infinite-list.js';
export { useKeepScrollOnPrepend } from './use-keep-scroll-on-prepend.js';
export { type UseLoadMoreTriggerOptions, useLoadMoreTrigger } from './use-load-more-trigger.js';
export { usePageIndexParam } from './use-page-index-param.js';
export { type PageRange, type UsePageRangeOptions, usePageRange } from './use-page-range.js';
export {
  type PagedTable,
  type PagedTableOptions,
  type PaginationState,
  type UsePagedTableOptions,
  usePagedTable,
} from './use-paged-table.js';
