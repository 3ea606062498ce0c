import { type SimulatorSetOptions, simulatorRoutes } from '@pagewise/simulators';
import { simulatorHandlers } from '@pagewise/simulators/msw';
import type { RequestHandler } from 'msw';
import {
  type SimulatedVendors,
  type SimulatedVendorsOptions,
  simulatedVendors,
} from './simulated-vendors.js';

/**
 * Fresh simulators for a browser (a story, a browser test), answered by MSW's service worker at
 * the vendors' URLs (or `options.baseUrls`), with runners that sleep their backoff for real. `handlers` go to the
 * worker (`worker.use(...handlers)`).
 */
export function browserVendors(
  simulators: SimulatorSetOptions = {},
  options: Omit<SimulatedVendorsOptions, 'fetch'> = {},
): SimulatedVendors & { handlers: RequestHandler[] } {
  const v = simulatedVendors(simulators, {
    ...options,
    runner: { sleep: undefined, ...options.runner },
    fetch: (input, init) => globalThis.fetch(input, init),
  });
  const handlers: RequestHandler[] = simulatorHandlers(simulatorRoutes(v.sims, v.baseUrls));
  return { ...v, handlers };
}

export { simulatorHandlers } from '@pagewise/simulators/msw';
