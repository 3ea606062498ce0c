export { readPath } from './field-path.js';
export {
  LosslessNumber,
  parseLosslessJson,
  stringifyLosslessJson,
  toPlainJson,
} from './lossless-json.js';
export { type PageRangeItem, type PageRangeOptions, pageRange } from './page-range.js';
export { resolvePageSize } from './page-size.js';
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
export { badResponse, readCount, readCursor, readItems } from './read-page-fields.js';
export { REDACTED, redactRequest, redactText } from './redact.js';
export {
  createRequestRunner,
  type FetchedPage,
  type PagePosition,
  type RequestEvent,
  type RequestRunner,
  type RequestRunnerOptions,
  vendorMessage,
} from './request-runner.js';
export { backoffDelay, DEFAULT_RETRY, parseRetryAfter, type RetryPolicy } from './retry-policy.js';
export {
  type CursorSourceSpec,
  defineCursorSource,
  definePageNumberSource,
  type PageNumberSourceSpec,
  pageNumberLinks,
} from './sources/define-source.js';
export {
  type LinkHeaderOptions,
  linkHeaderSource,
  parseLinkHeader,
} from './sources/link-header.js';
export { type OffsetLimitOptions, offsetLimitSource } from './sources/offset-limit.js';
export {
  createTokenProvider,
  staticToken,
  type TokenGrant,
  type TokenProvider,
  type TokenProviderOptions,
} from './token-provider.js';
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
  ParseContext,
  SizeLimits,
  Source,
} from './types.js';
export {
  DASHLY_LIMITS,
  type DashlyListOptions,
  type DashlyV1ListOptions,
  dashlyAuth,
  dashlyList,
  dashlyV1List,
} from './vendors/dashly.js';
export {
  DINGTALK_PAGE_LIMITS,
  DINGTALK_TOKEN_LIMITS,
  type DingTalkPageListOptions,
  type DingTalkTokenListOptions,
  type DingTalkTokenProviderOptions,
  dingtalkAuth,
  dingtalkPageList,
  dingtalkTokenList,
  dingtalkTokenProvider,
} from './vendors/dingtalk.js';
export {
  type LineWorksListOptions,
  type LineWorksTokenProviderOptions,
  lineworksAuth,
  lineworksList,
  lineworksTokenProvider,
} from './vendors/lineworks.js';
export { MEWS_LIMITS, type MewsGetAllOptions, mewsGetAll } from './vendors/mews.js';
