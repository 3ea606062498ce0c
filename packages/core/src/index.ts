/**
 * For apps: vendor adapters, the request runner, paginate(), a table's URL state, errors and
 * types. People writing a source of their own: `@pagewise/core/define`. Framework bindings:
 * `@pagewise/core/controllers`.
 *
 * @module @pagewise/core
 */
export {
  createTokenProvider,
  staticToken,
  type TokenGrant,
  type TokenProvider,
  type TokenProviderOptions,
} from './auth/token-provider.js';
export {
  type LiveEdge,
  type LiveEdgeOptions,
  liveEdge,
} from './infinite-list/live-edge.js';
export type { PageLink } from './paged-table/paged-table.types.js';
export {
  type PageWalk,
  type PaginateOptions,
  type PaginateProgress,
  paginate,
  type WalkPage,
} from './paginate.js';
export {
  isPaginationError,
  PaginationError,
  type PaginationErrorCode,
  type PaginationErrorDetails,
} from './pagination-error.js';
export { createRequestRunner } from './runner/request-runner.js';
export type { RetryPolicy } from './runner/retry-policy.js';
export type {
  FetchedPage,
  PagePosition,
  RequestEvent,
  RequestOptions,
  RequestRunner,
  RequestRunnerOptions,
  RetryWait,
  RunnerResponse,
} from './runner/runner-types.js';
export { failureReason, secondsLeft, waitReason } from './runner/wait-reason.js';
export type { DriftRepairedSource, DriftReport } from './sources/drift-repair.js';
export { estimateFromPosition } from './sources/estimate-from-position.js';
export { type LinkHeaderOptions, linkHeaderSource } from './sources/link-header.js';
export { type OffsetLimitOptions, offsetLimitSource } from './sources/offset-limit.js';
export { type PageNumberOptions, pageNumberSource } from './sources/page-number.js';
export {
  defineTableState,
  type PageTotals,
  type SearchInput,
  type TablePage,
  type TableStateDefinition,
  type TableStateOptions,
  type TableUrlState,
} from './table-state/table-state-definition.js';
export type {
  AuthScheme,
  Cursor,
  CursorSource,
  Direction,
  ErrorReading,
  ItemOf,
  Page,
  PageNumberSource,
  PageRequest,
  ParamsOf,
  ParseContext,
  SizeLimits,
  Source,
  SourceBase,
  TableQuery,
} from './types.js';
export {
  DASHLY_LIMITS,
  type DashlyListOptions,
  type DashlyV1ListOptions,
  dashlyList,
  dashlyV1List,
} from './vendors/dashly.js';
export {
  DINGTALK_PAGE_LIMITS,
  DINGTALK_TOKEN_LIMITS,
  type DingTalkPageListOptions,
  type DingTalkTokenListOptions,
  type DingTalkTokenProviderOptions,
  dingtalkPageList,
  dingtalkTokenList,
  dingtalkTokenProvider,
} from './vendors/dingtalk.js';
export {
  type LineWorksListOptions,
  type LineWorksTokenProviderOptions,
  lineworksList,
  lineworksTokenProvider,
} from './vendors/lineworks.js';
export { MEWS_LIMITS, type MewsGetAllOptions, mewsGetAll } from './vendors/mews.js';
