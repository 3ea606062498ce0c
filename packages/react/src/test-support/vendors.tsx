import type { SimulatorSetOptions } from '@pagewise/testkit';
import { mswSimulators } from '@pagewise/testkit/msw-node';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';

type VendorOptions = Parameters<ReturnType<typeof mswSimulators>>[1];

/**
 * The simulators behind MSW in Node (`@pagewise/testkit/msw-node`), plus what a hook test needs:
 * a React wrapper with a fresh QueryClient per test (in StrictMode when asked).
 */
export function reactSimulators() {
  const vendors = mswSimulators();
  return function setup(
    simulators: SimulatorSetOptions = {},
    options: VendorOptions & { strict?: boolean } = {},
  ) {
    const { strict = false, ...rest } = options;
    const v = vendors(simulators, rest);
    const client = new QueryClient({
      defaultOptions: { queries: { gcTime: Number.POSITIVE_INFINITY } },
    });
    const wrapper = ({ children }: { children: ReactNode }) => {
      const tree = <QueryClientProvider client={client}>{children}</QueryClientProvider>;
      return strict ? <StrictMode>{tree}</StrictMode> : tree;
    };
    return { ...v, client, wrapper };
  };
}
