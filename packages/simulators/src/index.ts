/**
 * Simulators of the vendors' APIs (DingTalk, LINE WORKS, Dashly, Mews) with their pagination,
 * auth and faults, for tests and demos: in process (a fetch), as an HTTP server
 * (`@pagewise/simulators/http-server`) or in the browser and in jsdom
 * (`@pagewise/simulators/msw`).
 *
 * @module @pagewise/simulators
 */
export { Collection, type CollectionSpec } from './collection.js';
export {
  type FaultConfig,
  FaultConfigError,
  type MalformedKind,
  NO_FAULTS,
  type OneShotFault,
  parseFaultHeader,
  validateFaultConfig,
  validateOneShot,
} from './faults.js';
export { RawNumber, writeJson } from './json-text.js';
export { RequestLog, type RequestLogEntry, type RequestLogListener } from './request-log.js';
export {
  type Route,
  type RouteContext,
  type RouteResult,
  SimHttpError,
  Simulator,
  type SimulatorOptions,
  type VendorDefinition,
} from './simulator.js';
export { createSimulatorFetch } from './simulator-fetch.js';
export {
  createSimulators,
  type SimulatorSet,
  type SimulatorSetOptions,
  simulatorRoutes,
  VENDOR_BASE_URLS,
  VENDORS,
} from './simulator-set.js';
export type { SimRequest, SimResponse, VendorName } from './types.js';
export {
  createDashlySimulator,
  DASHLY_CREDENTIALS,
  DASHLY_LIMITS,
  type DashlySimulatorOptions,
} from './vendors/dashly.js';
export {
  createDingTalkSimulator,
  DINGTALK_CREDENTIALS,
  DINGTALK_LIMITS,
  type DingTalkAdjustment,
  type DingTalkClass,
  type DingTalkEvent,
  type DingTalkSimulatorOptions,
} from './vendors/dingtalk.js';
export {
  createGenericSimulator,
  GENERIC_LIMITS,
  type GenericItem,
  type GenericOrder,
  type GenericSimulatorOptions,
  type GenericTicket,
  ORDER_SORTS,
  ORDER_STATUSES,
  TICKET_STATUSES,
} from './vendors/generic.js';
export {
  createLineWorksSimulator,
  LINEWORKS_CREDENTIALS,
  LINEWORKS_LIMITS,
  type LineWorksCalendar,
  type LineWorksSimulatorOptions,
  type LineWorksUser,
} from './vendors/lineworks.js';
export {
  createMewsSimulator,
  MEWS_CREDENTIALS,
  MEWS_LIMITS,
  type MewsCustomer,
  type MewsReservation,
  type MewsSimulatorOptions,
} from './vendors/mews.js';
