export * from '@pagewise/simulators';
export {
  type SimulatedVendors,
  type SimulatedVendorsOptions,
  simulatedVendors,
} from './simulated-vendors.js';
export { type VendorRunners, vendorRunners } from './vendor-runners.js';
export {
  type Conversation,
  type ConversationPart,
  type EventWindow,
  type ReservationFilters,
  type VendorSourceOptions,
  type VendorSources,
  vendorSources,
} from './vendor-sources.js';
