// @pagewise/core/define — for people writing a source of their own: the define* helpers, checked
// field readers, lossless JSON for ids beyond 2^53, Link-header parsing and the vendors' auth schemes.
export { readPath } from './field-path.js';
export {
  LosslessNumber,
  parseLosslessJson,
  stringifyLosslessJson,
  toPlainJson,
} from './lossless-json.js';
export { PaginationError } from './pagination-error.js';
export {
  badResponse,
  readCount,
  readCursor,
  readItems,
  readPosition,
} from './read-page-fields.js';
export {
  type CursorSourceSpec,
  defineCursorSource,
  definePageNumberSource,
  type PageNumberSourceSpec,
  pageNumberLinks,
  withParams,
} from './sources/define-source.js';
export { parseLinkHeader } from './sources/link-header.js';
export type {
  AuthScheme,
  Cursor,
  CursorSource,
  Direction,
  ErrorReading,
  Page,
  PageNumberSource,
  PageRequest,
  ParseContext,
  SizeLimits,
  Source,
  SourceBase,
} from './types.js';
export { dashlyAuth } from './vendors/dashly.js';
export { dingtalkAuth } from './vendors/dingtalk.js';
export { lineworksAuth } from './vendors/lineworks.js';
