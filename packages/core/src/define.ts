/**
 * For people writing a source of their own: the define* helpers, checked field readers, lossless
 * JSON for ids beyond 2^53, Link-header parsing and the vendors' auth schemes. The types a source
 * is made of (`Source`, `Page`, `AuthScheme`…) and `PaginationError` come from `@pagewise/core`:
 * each name is exported by one entry.
 *
 * @module @pagewise/core/define
 */
export { readPath } from './field-path.js';
export {
  LosslessNumber,
  parseLosslessJson,
  stringifyLosslessJson,
  toPlainJson,
} from './lossless-json.js';
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
export { dashlyAuth } from './vendors/dashly.js';
export { dingtalkAuth } from './vendors/dingtalk.js';
export { lineworksAuth } from './vendors/lineworks.js';
