import { type SimulatorSetOptions, simulatorRoutes } from '@pagewise/simulators';
import { simulatorHandlers } from '@pagewise/simulators/msw';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupServer } from 'msw/node';
import { type ReactNode, StrictMode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RequestRunnerOptions } from '../../../core/src/request-runner.js';
import { simulatedVendors } from '../../../core/src/test-support/simulated-vendors.js';

/** MSW in Node serving the simulators; each test installs its own simulators with `vendors()`. */
export function mswSimulators() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  /** Fresh simulators behind MSW, runners over the real `fetch`, and a React wrapper with a fresh QueryClient. */
  return function vendors(
    options: SimulatorSetOptions = {},
    runner: Partial<RequestRunnerOptions> = {},
    { strict = false } = {},
  ) {
    const fetched: Array<{ url: string; signal: AbortSignal | null | undefined }> = [];
    const fetchThroughMsw: typeof fetch = (input, init) => {
      fetched.push({ url: String(input), signal: init?.signal });
      return globalThis.fetch(input, init);
    };
    const v = simulatedVendors(options, { ...runner }, { fetch: fetchThroughMsw });
    server.use(...simulatorHandlers(simulatorRoutes(v.sims)));
    const client = new QueryClient({
      defaultOptions: { queries: { gcTime: Number.POSITIVE_INFINITY } },
    });
    const wrapper = ({ children }: { children: ReactNode }) => {
      const tree = <QueryClientProvider client={client}>{children}</QueryClientProvider>;
      return strict ? <StrictMode>{tree}</StrictMode> : tree;
    };
    /** Requests a simulator answered for a path (token endpoints excluded). */
    const requests = (vendor: keyof typeof v.sims, path?: string) =>
      v.sims[vendor].log.entries.filter((e) =>
        path ? e.path.endsWith(path) : !/token/i.test(e.path),
      );
    return { ...v, client, wrapper, fetched, requests };
  };
}
