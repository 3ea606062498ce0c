/**
 * The framework-free behaviour under the hooks, for bindings (the React hooks in @pagewise/react)
 * and apps in other frameworks: a controller per UI mode over a cache the binding provides, and
 * connect functions that turn state into prop getters.
 *
 * @module @pagewise/core/controllers
 */
export { DEFAULTS } from './defaults.js';
export {
  connectFeed,
  type FeedConnect,
  type FeedEdge,
  type FeedList,
  type FeedOptions,
  type FeedSeen,
} from './feed/connect-feed.js';
export { articleNear, focusableOutside } from './feed/feed-focus.js';
export type { FeedMessages } from './feed/feed-messages.js';
export { createInfiniteList } from './infinite-list/infinite-list.js';
export type {
  InfiniteListController,
  InfiniteListOptions,
  InfiniteListState,
} from './infinite-list/infinite-list.types.js';
export type {
  ListCache,
  ListCacheOptions,
  ListFetch,
  ListSnapshot,
} from './infinite-list/list-cache.js';
export type { ListData, ListEdge, ListPage, ListPageParam } from './infinite-list/list-page.js';
export { type ListQuery, type ListQueryInput, listQuery } from './infinite-list/list-query.js';
export type { LiveEdgeRun, LiveEnvironment, PollOutcome } from './infinite-list/live-edge.js';
export { type MemoryListCacheOptions, memoryListCache } from './infinite-list/memory-list-cache.js';
export type { EdgeFacts, LoadedPages, NewestEdgeRequest } from './infinite-list/newest-edge.js';
export {
  connectPageRange,
  type PageControl,
  type PageControlId,
  type PageRangeConnect,
  type PageRangeOptions,
  type Pager,
} from './page-range/connect-page-range.js';
export type { EllipsisPosition, PageRangeItem } from './page-range/page-range.js';
export type { PageRangeMessages } from './page-range/page-range-messages.js';
export { type MemoryPageCacheOptions, memoryPageCache } from './paged-table/memory-page-cache.js';
export type { PageCache, PageEntry, PageLoader } from './paged-table/page-cache.js';
export { type PageKey, pageKeyText, type WantedPage } from './paged-table/page-key.js';
export { createPagedTable } from './paged-table/paged-table.js';
export type {
  NotOpened,
  PagedTableCommands,
  PagedTableController,
  PagedTableOptions,
  PagedTableState,
} from './paged-table/paged-table.types.js';
export {
  type AnnouncedTable,
  announceTable,
  type TableAnnouncementMessages,
  type TableSeen,
} from './paged-table/table-announcement.js';
export type { TableMessages } from './paged-table/table-messages.js';
export { sourceScope } from './source-identity.js';
export { searchParamsOf } from './table-state/table-state-definition.js';
export { withTypedSearch } from './table-state/typed-search.js';
