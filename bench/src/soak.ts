import { type PaginateProgress, paginate, type RequestEvent, type Source } from '@pagewise/core';
import {
  type FaultConfig,
  type VendorName,
  type VendorSources,
  vendorRunners,
} from '@pagewise/testkit';
import { servedVendors } from '@pagewise/testkit/served';

export interface SoakResult {
  walk: string;
  /** Page-number sources page by offset: drift is the vendor's model, reported rather than failed. */
  offset: boolean;
  items: number;
  requests: number;
  faults: Record<string, number>;
  retries: number;
  tokenRefreshes: number;
  restarts: number;
  inserted: number;
  deleted: number;
  /** Items present throughout the walk that it never yielded. */
  lost: number;
  /** Items handed to the caller more than once. */
  duplicated: number;
  /** Items the vendor delivered again (a DingTalk restart, offset drift) that de-duplication held back. */
  repeatsRemoved: number;
  drift: string;
  /** Drift repair (page-number sources): pages re-aligned on the last item read, pages unanchored, pages with rows not read among those read. */
  repairs: string;
  seconds: number;
}

export interface SoakOptions {
  /** Items per collection (default 10,000). */
  size?: number;
  seed?: number;
}

/**
 * Walks every vendor through `paginate()` over HTTP on loopback while the simulators inject 10 %
 * 5xx, 2 % 429 (Retry-After 0), token expiry every 150 requests, one invalid DingTalk nextToken,
 * 0–4 ms jitter, 3 % same-origin redirects, 3 % answers that drip, and an insert every 7 and a
 * delete every 11 list requests. Counts what was lost
 * and what was duplicated against the simulator's own record of inserts and deletes.
 */
export async function runSoak(options: SoakOptions = {}): Promise<SoakResult[]> {
  const size = options.size ?? 10_000;
  const seed = options.seed ?? 42;
  const faults: Partial<FaultConfig> = {
    serverErrorRate: 0.1,
    rateLimitRate: 0.02,
    retryAfterSeconds: 0,
    tokenExpiresAfterRequests: 150,
    jitterMs: 4,
    insertEvery: 7,
    deleteEvery: 11,
    mutationAt: 'random',
    // A vendor that redirects on its own origin now and then, and drips some answers.
    redirectRate: 0.03,
    dripRate: 0.03,
    dripMs: 1,
    dripBytes: 512,
    seed,
  };
  const walks: Array<{
    walk: string;
    offset: boolean;
    vendor: VendorName;
    source: keyof VendorSources;
    collection: string;
    pageSize: number;
    invalid?: number;
    repairDrift?: boolean;
  }> = [
    {
      walk: 'DingTalk classes (nextToken)',
      offset: false,
      vendor: 'dingtalk',
      source: 'classes',
      collection: 'classes',
      pageSize: 20,
      invalid: 120,
    },
    {
      walk: 'DingTalk adjustments (pageNumber, repairDrift: true)',
      offset: false,
      vendor: 'dingtalk',
      source: 'adjustments',
      collection: 'adjustments',
      pageSize: 20,
      repairDrift: true,
    },
    {
      walk: 'DingTalk adjustments (pageNumber, page after page)',
      offset: true,
      vendor: 'dingtalk',
      source: 'adjustments',
      collection: 'adjustments',
      pageSize: 20,
      repairDrift: false,
    },
    {
      walk: 'LINE WORKS users (nextCursor)',
      offset: false,
      vendor: 'lineworks',
      source: 'users',
      collection: 'users',
      pageSize: 20,
    },
    {
      walk: 'Dashly conversations (positions)',
      offset: false,
      vendor: 'dashly',
      source: 'conversations',
      collection: 'conversations',
      pageSize: 20,
    },
    {
      walk: 'Mews customers (Limitation cursor)',
      offset: false,
      vendor: 'mews',
      source: 'customers',
      collection: 'customers',
      pageSize: 50,
    },
  ];
  const results: SoakResult[] = [];
  for (const w of walks) {
    const { pageSize, invalid } = w;
    const served = await servedVendors(
      { [w.vendor]: { seed, sizes: { [w.collection]: size } } },
      { runner: retry },
    );
    const sim = served.sims[w.vendor];
    const source = served.sources[w.source] as Source<unknown>;
    try {
      // The items present before the walk (no faults yet).
      const runnerPlain = served.runners[w.vendor];
      const before = new Set(
        (await paginate(source, { runner: runnerPlain, size: pageSize }).toArray()).map((i) =>
          source.key(i),
        ),
      );
      sim.log.clear();
      sim.configure({
        ...faults,
        tokenExpiresAfterRequests:
          w.walk.startsWith('Dashly') || w.walk.startsWith('Mews')
            ? null
            : (faults.tokenExpiresAfterRequests ?? null),
        invalidCursorOnRequest: invalid ?? null,
      });
      const events: RequestEvent[] = [];
      const runner = vendorRunners(served.urls, { ...retry, onRequest: (e) => events.push(e) })[
        w.vendor
      ];
      const started = performance.now();
      const yielded: string[] = [];
      let restarts = 0;
      let removed = 0;
      let drift = '';
      let repairs = '';
      const onProgress = (p: PaginateProgress) => {
        restarts = p.restarts;
        if (p.drift) drift = `${p.drift.of} ${p.drift.from} → ${p.drift.to}`;
        if (p.repairs)
          repairs = `${p.repairs.realigned} re-aligned, ${p.repairs.unanchored} unanchored, ${p.repairs.reordered} reordered`;
      };
      const options = { runner, size: pageSize, onProgress, repairDrift: w.repairDrift };
      for await (const page of paginate(source, options)) {
        removed += page.duplicates;
        for (const item of page.items) yielded.push(source.key(item));
      }
      const seconds = (performance.now() - started) / 1000;
      const deleted = new Set(sim.mutations.deleted);
      const seen = new Set(yielded);
      const expected = [...before].filter((k) => !deleted.has(k));
      const faultsMet: Record<string, number> = {};
      for (const e of sim.log.entries)
        if (e.fault)
          faultsMet[e.fault.split(' ')[0]!] = (faultsMet[e.fault.split(' ')[0]!] ?? 0) + 1;
      results.push({
        walk: w.walk,
        offset: w.offset,
        items: seen.size,
        requests: sim.log.entries.length,
        faults: faultsMet,
        retries: events.filter((e) => e.retryInMs !== undefined && e.error !== 'UNAUTHORIZED')
          .length,
        tokenRefreshes: events.filter(
          (e) => e.error === 'UNAUTHORIZED' && e.retryInMs !== undefined,
        ).length,
        restarts,
        inserted: sim.mutations.inserted.length,
        deleted: deleted.size,
        lost: expected.filter((k) => !seen.has(k)).length,
        duplicated: yielded.length - seen.size,
        repeatsRemoved: removed,
        drift,
        repairs,
        seconds,
      });
    } finally {
      await served.close();
    }
  }
  return results;
}

const retry = { retry: { retries: 10, baseDelayMs: 5, maxDelayMs: 2000 } };
