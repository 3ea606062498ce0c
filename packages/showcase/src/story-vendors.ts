import type { SimulatorSetOptions } from '@pagewise/simulators';
import { simulatorRoutes } from '@pagewise/simulators';
import { simulatorHandlers } from '@pagewise/simulators/msw';
import type { RequestHandler } from 'msw';
import { simulatedVendors } from '../../../core/src/test-support/simulated-vendors.js';

/**
 * Fresh simulators for one story, served by MSW at the vendors' URLs, with runners and sources.
 * Put `beforeEach` on the story. (A real app keeps tokens and secrets on its backend; these
 * simulators accept demo credentials.)
 */
export function storyVendors(options: SimulatorSetOptions = {}) {
  const v = simulatedVendors(
    options,
    { retry: { baseDelayMs: 200 } },
    { fetch: (input, init) => globalThis.fetch(input, init) },
  );
  const handlers = simulatorHandlers(simulatorRoutes(v.sims));
  return {
    ...v,
    beforeEach: (context: unknown) => {
      (context as { msw: { use(...handlers: RequestHandler[]): void } }).msw.use(...handlers);
    },
  };
}
