import { type SimulatorSetOptions, simulatedVendors, type VendorName } from '@pagewise/testkit';
import { createInfiniteList } from '../infinite-list/infinite-list.js';
import type { InfiniteListOptions } from '../infinite-list/infinite-list.types.js';
import { memoryListCache } from '../infinite-list/memory-list-cache.js';
import type { Source } from '../types.js';

/**
 * An infinite list controller over a simulated vendor with a memory cache, as a framework-free
 * app (or a test) runs it: `settle()` waits until nothing is loading.
 */
export function simulatedList<T = unknown>(
  vendor: VendorName,
  source: string,
  simulators: SimulatorSetOptions,
  options: Partial<InfiniteListOptions<T>> = {},
) {
  const v = simulatedVendors(simulators, { runner: { retry: { retries: 0 } } });
  const cache = memoryListCache<T>();
  const src = v.sources[source as keyof typeof v.sources] as unknown as Source<T>;
  const list = createInfiniteList<T>({ source: src, runner: v.runners[vendor], cache, ...options });
  const stop = list.subscribe(() => {});
  const sim = v.sims[vendor];
  /** List requests the simulator answered (token requests left out). */
  const requests = () => sim.log.entries.filter((e) => !/token/i.test(e.path));
  const settle = async () => {
    for (let i = 0; i < 500; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const state = list.getState();
      if (!state.isFetching && !state.isRefreshingNewest) return state;
    }
    throw new Error('the list did not settle');
  };
  const keys = () => list.getState().items.map((item) => src.key(item));
  return { v, sim, list, cache, source: src, requests, settle, stop, keys };
}
