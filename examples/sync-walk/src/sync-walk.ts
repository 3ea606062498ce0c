import { paginate, type RequestRunner, type Source } from '@pagewise/core';
import type { FaultConfig, VendorName } from '@pagewise/testkit';
import { servedVendors } from '@pagewise/testkit/served';

export interface WalkReport {
  name: string;
  items: number;
  pages: number;
  requests: number;
  faults: number;
  ms: number;
}

export interface SyncWalkOptions {
  sizes?: Partial<
    Record<'classes' | 'adjustments' | 'users' | 'conversations' | 'reservations', number>
  >;
  faults?: Partial<FaultConfig>;
  onPage?(name: string, items: number): void;
}

/**
 * Starts the vendor simulators on loopback and walks one endpoint of each vendor through
 * `paginate()`, as a backend sync job would. The runners carry the credentials, server-side:
 * DingTalk and LINE WORKS token providers, the Dashly token, Mews tokens in the body (the
 * testkit builds them as the README's "Request runner" section shows).
 */
export async function runSyncWalk(options: SyncWalkOptions = {}): Promise<WalkReport[]> {
  const sizes = {
    classes: 20_000,
    adjustments: 5_000,
    users: 20_000,
    conversations: 5_000,
    reservations: 20_000,
    ...options.sizes,
  };
  const { faults } = options;
  const vendors = await servedVendors({
    dingtalk: { sizes: { classes: sizes.classes, adjustments: sizes.adjustments }, faults },
    lineworks: { sizes: { users: sizes.users }, faults },
    dashly: { sizes: { conversations: sizes.conversations }, faults },
    mews: { sizes: { reservations: sizes.reservations }, faults },
  });
  const { sources } = vendors;
  try {
    const walks: Array<{
      name: string;
      vendor: VendorName;
      source: Source<unknown>;
      size: number;
    }> = [
      {
        name: 'DingTalk school classes (nextToken)',
        vendor: 'dingtalk',
        source: sources.classes as Source<unknown>,
        size: 500,
      },
      {
        name: 'DingTalk attendance adjustments (pageNumber)',
        vendor: 'dingtalk',
        source: sources.adjustments as Source<unknown>,
        size: 200,
      },
      {
        name: 'LINE WORKS users (nextCursor)',
        vendor: 'lineworks',
        source: sources.users as Source<unknown>,
        size: 100,
      },
      {
        name: 'Dashly conversations (positions)',
        vendor: 'dashly',
        source: sources.conversations as Source<unknown>,
        size: 50,
      },
      {
        name: 'Mews reservations (Limitation cursor)',
        vendor: 'mews',
        source: sources.reservations as Source<unknown>,
        size: 1000,
      },
    ];
    const reports: WalkReport[] = [];
    for (const walk of walks) {
      const sim = vendors.sims[walk.vendor];
      const before = sim.log.entries.length;
      const started = performance.now();
      let items = 0;
      let pages = 0;
      const runner: RequestRunner = vendors.runners[walk.vendor];
      for await (const page of paginate(walk.source, { runner, size: walk.size })) {
        items += page.items.length;
        pages++;
        options.onPage?.(walk.name, items);
      }
      const entries = sim.log.entries.slice(before);
      reports.push({
        name: walk.name,
        items,
        pages,
        requests: entries.length,
        faults: entries.filter((e) => e.fault).length,
        ms: Math.round(performance.now() - started),
      });
    }
    return reports;
  } finally {
    await vendors.close();
  }
}
