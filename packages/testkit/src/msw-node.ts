import { type SimulatorSetOptions, simulatorRoutes, type VendorName } from '@pagewise/simulators';
import { simulatorHandlers } from '@pagewise/simulators/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type SimulatedVendorsOptions, simulatedVendors } from './simulated-vendors.js';

/** A request the code under test handed to `fetch`: its URL and the signal that can abort it. */
export interface FetchedRequest {
  url: string;
  signal: AbortSignal | null | undefined;
}

/**
 * MSW in Node serving the simulators at the vendors' URLs, for a Vitest file: call once at the
 * top level (it installs the server's lifecycle hooks), then `vendors()` in each test for fresh
 * simulators and runners over the global `fetch`.
 */
export function mswSimulators() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return function vendors(
    simulators: SimulatorSetOptions = {},
    options: Omit<SimulatedVendorsOptions, 'fetch'> = {},
  ) {
    const fetched: FetchedRequest[] = [];
    const fetchThroughMsw: typeof fetch = (input, init) => {
      fetched.push({ url: String(input), signal: init?.signal });
      return globalThis.fetch(input, init);
    };
    const v = simulatedVendors(simulators, { ...options, fetch: fetchThroughMsw });
    server.use(...simulatorHandlers(simulatorRoutes(v.sims, v.baseUrls)));
    /** Requests a simulator answered for a path (token endpoints left out unless asked for). */
    const requests = (vendor: VendorName, path?: string) =>
      v.sims[vendor].log.entries.filter((e) =>
        path ? e.path.endsWith(path) : !/token/i.test(e.path),
      );
    return {
      ...v,
      fetched,
      requests,
      use: (...handlers: Parameters<typeof server.use>) => server.use(...handlers),
    };
  };
}

export { simulatorHandlers } from '@pagewise/simulators/msw';
