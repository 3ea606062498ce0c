import { type SimulatorSetOptions, simulatedVendors, type VendorName } from '@pagewise/testkit';
import { memoryPageCache } from '../paged-table/memory-page-cache.js';
import { createPagedTable } from '../paged-table/paged-table.js';
import type { PagedTableController, PagedTableOptions } from '../paged-table/paged-table.types.js';
import type { Source } from '../types.js';

/**
 * A table controller over a simulated vendor with a memory cache, as a framework-free app (or
 * a test) runs it: `settle()` waits until nothing it wants is still loading.
 */
export function simulatedTable<T = unknown>(
  vendor: VendorName,
  source: string,
  simulators: SimulatorSetOptions,
  options: Partial<PagedTableOptions<T>> = {},
) {
  const v = simulatedVendors(simulators, { runner: { retry: { retries: 0 } } });
  const cache =
    (options.cache as ReturnType<typeof memoryPageCache<T>> | undefined) ?? memoryPageCache<T>();
  const table: PagedTableController<T> = createPagedTable<T>({
    source: v.sources[source as keyof typeof v.sources] as unknown as Source<T>,
    runner: v.runners[vendor],
    cache,
    ...options,
  });
  const stop = table.subscribe(() => {});
  const sim = v.sims[vendor];
  /** List requests the simulator answered (token requests left out). */
  const requests = () => sim.log.entries.filter((e) => !/token/i.test(e.path));
  const settle = async () => {
    for (let i = 0; i < 500; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const pending = table.getState().wanted.some((w) => {
        const entry = cache.get(w.key);
        return !entry || entry.fetching;
      });
      if (!pending) return table.getState();
    }
    throw new Error('the table did not settle');
  };
  return { v, sim, table, cache, requests, settle, stop };
}
