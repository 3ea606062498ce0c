import type { RequestEvent, RequestRunnerOptions } from '@pagewise/core';
import {
  createSimulatorFetch,
  createSimulators,
  MEWS_CREDENTIALS,
  type SimulatorSetOptions,
  simulatorRoutes,
  VENDOR_BASE_URLS,
  type VendorName,
} from '@pagewise/simulators';
import { vendorRunners } from './vendor-runners.js';
import { type VendorSourceOptions, vendorSources } from './vendor-sources.js';

export interface SimulatedVendorsOptions {
  /** Runner options on top of the defaults (by default waits are recorded, not slept). */
  runner?: Partial<RequestRunnerOptions>;
  /** The transport: in memory by default; pass the global `fetch` to go through MSW. */
  fetch?: typeof globalThis.fetch;
  sources?: VendorSourceOptions;
  /**
   * Where the simulators answer and the runners send, per vendor (token endpoints follow the
   * runner's base URL): other origins than the vendors' real ones let several sets share one MSW
   * worker without answering for each other. @defaultValue `VENDOR_BASE_URLS`
   */
  baseUrls?: Partial<Record<VendorName, string>>;
}

/**
 * The vendors' simulators at their real base URLs, with a runner and sources for each, as a
 * server-side job would set them up. Backoff waits are recorded in `waits` instead of slept
 * (pass `runner: { sleep }` to sleep), and every runner event lands in `events`.
 */
export function simulatedVendors(
  simulators: SimulatorSetOptions = {},
  options: SimulatedVendorsOptions = {},
) {
  const baseUrls: Record<VendorName, string> = { ...VENDOR_BASE_URLS, ...options.baseUrls };
  // Link header URLs carry the generic API's origin: the one its runner sends to.
  const sims = createSimulators({
    ...simulators,
    generic: { origin: baseUrls.generic, ...simulators.generic },
  });
  const fetch = options.fetch ?? createSimulatorFetch(simulatorRoutes(sims, baseUrls));
  const waits: number[] = [];
  const events: RequestEvent[] = [];
  const runners = vendorRunners(baseUrls, {
    fetch,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
    onRequest: (e: RequestEvent) => events.push(e),
    ...options.runner,
  });
  return {
    sims,
    baseUrls,
    fetch,
    runners,
    sources: vendorSources({ mewsCredentials: MEWS_CREDENTIALS, ...options.sources }),
    waits,
    events,
  };
}

export type SimulatedVendors = ReturnType<typeof simulatedVendors>;
