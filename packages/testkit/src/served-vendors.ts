import type { RequestRunnerOptions } from '@pagewise/core';
import {
  createSimulators,
  MEWS_CREDENTIALS,
  type SimulatorSetOptions,
  type VendorName,
} from '@pagewise/simulators';
import { serveSimulator } from '@pagewise/simulators/http-server';
import { vendorRunners } from './vendor-runners.js';
import { type VendorSourceOptions, vendorSources } from './vendor-sources.js';

/**
 * The simulators served over HTTP on loopback (each vendor at the root of its own port), with a
 * runner per vendor talking to them through the real `fetch`: what a sync job, a soak or a
 * benchmark sees of a remote vendor. `close()` stops the servers.
 */
export async function servedVendors(
  simulators: SimulatorSetOptions = {},
  options: { runner?: Partial<RequestRunnerOptions>; sources?: VendorSourceOptions } = {},
) {
  const sims = createSimulators(simulators);
  const names = Object.keys(sims) as VendorName[];
  const servers = await Promise.all(names.map((name) => serveSimulator(sims[name])));
  const urls = Object.fromEntries(names.map((name, i) => [name, servers[i]!.url])) as Record<
    VendorName,
    string
  >;
  return {
    sims,
    urls,
    runners: vendorRunners(urls, options.runner),
    sources: vendorSources({ mewsCredentials: MEWS_CREDENTIALS, ...options.sources }),
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
