// @pagewise/core/controllers — the framework-free state behind the hooks, for bindings (the
// React hooks in @pagewise/react) and apps in other frameworks: a paged table's controller over
// a page cache, an infinite list's memory and merge, page-range math.

export { listItems, prependedCount } from './infinite-list/list-items.js';
export { createListMemory, type ListMemory } from './infinite-list/list-memory.js';
export type { ListPage, ListPageParam } from './infinite-list/list-page.js';
export {
  type LoadedPages,
  mergeNewestEdge,
  type NewestEdge,
  type NewestEdgeRequest,
  type NewestEdgeResult,
  newestEdgeRequest,
} from './infinite-list/newest-edge.js';
export { type PageRangeItem, type PageRangeOptions, pageRange } from './page-range.js';
export { memoryPageCache } from './paged-table/memory-page-cache.js';
export type { PageCache, PageEntry, PageLoader } from './paged-table/page-cache.js';
export { type PageKey, pageKeyText, type WantedPage } from './paged-table/page-key.js';
export { createPagedTable } from './paged-table/paged-table.js';
export type {
  PagedTableController,
  PagedTableOptions,
  PagedTableState,
} from './paged-table/paged-table.types.js';
// Types the controllers' signatures use (also exported by `@pagewise/core`).
export type { PaginationError } from './pagination-error.js';
export type { FetchedPage, RequestRunner } from './runner/runner-types.js';
export { sourceIdentity } from './source-identity.js';
export type { Cursor, Direction, Source } from './types.js';
