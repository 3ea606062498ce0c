import { simulatedVendors } from '@pagewise/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate } from './paginate.js';
import type { Source } from './types.js';

type Vendors = ReturnType<typeof simulatedVendors>;
type Case = {
  name: string;
  vendor: 'dingtalk' | 'lineworks' | 'dashly' | 'mews';
  source: keyof Vendors['sources'];
  collection: string;
  /** Cursor sources keep a walk exact under inserts; offset paging does not (that drift is the vendor's model). */
  cursor: boolean;
  tokens?: boolean;
  invalidToken?: boolean;
};

const CASES: Case[] = [
  {
    name: 'DingTalk nextToken (classes)',
    vendor: 'dingtalk',
    source: 'classes',
    collection: 'classes',
    cursor: true,
    tokens: true,
    invalidToken: true,
  },
  {
    name: 'DingTalk nextToken (events)',
    vendor: 'dingtalk',
    source: 'events',
    collection: 'events',
    cursor: true,
    tokens: true,
    invalidToken: true,
  },
  {
    name: 'DingTalk pageNumber (adjustments)',
    vendor: 'dingtalk',
    source: 'adjustments',
    collection: 'adjustments',
    cursor: false,
    tokens: true,
  },
  {
    name: 'LINE WORKS (users)',
    vendor: 'lineworks',
    source: 'users',
    collection: 'users',
    cursor: true,
    tokens: true,
  },
  {
    name: 'Dashly v2 (conversations)',
    vendor: 'dashly',
    source: 'conversations',
    collection: 'conversations',
    cursor: true,
  },
  {
    name: 'Mews (customers)',
    vendor: 'mews',
    source: 'customers',
    collection: 'customers',
    cursor: true,
  },
];

function vendorsFor(c: Case, n: number, faults: Record<string, unknown>) {
  return simulatedVendors({ [c.vendor]: { sizes: { [c.collection]: n }, faults } } as never, {
    runner: { retry: { retries: 12 } },
  });
}

async function walkKeys(v: Vendors, c: Case, size: number): Promise<string[]> {
  const source = v.sources[c.source] as Source<unknown>;
  const items = await paginate(source, { runner: v.runners[c.vendor], size }).toArray();
  return items.map((item) => source.key(item));
}

const faultArb = (c: Case, inserts: boolean) =>
  fc.record({
    serverErrorRate: fc.constantFrom(0, 0.05, 0.15),
    rateLimitRate: fc.constantFrom(0, 0.05, 0.1),
    retryAfterSeconds: fc.constantFrom(0, 1),
    tokenExpiresAfterRequests: c.tokens
      ? fc.option(fc.integer({ min: 1, max: 6 }), { nil: null })
      : fc.constant(null),
    invalidCursorOnRequest: c.invalidToken
      ? fc.option(fc.integer({ min: 1, max: 6 }), { nil: null })
      : fc.constant(null),
    insertEvery: inserts ? fc.integer({ min: 1, max: 4 }) : fc.constant(null),
    deleteEvery: fc.constant(null),
    mutationAt: fc.constantFrom('head' as const, 'random' as const),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  });

describe.each(CASES)('a walk over $name', (c) => {
  const limits = (simulatedVendors().sources[c.source] as Source<unknown>).limits;
  const sizeArb = fc.integer({ min: Math.max(limits.min, 5), max: Math.min(limits.max, 120) });

  it('yields every item exactly once, in order, through token expiry, invalid tokens and retries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 400 }),
        sizeArb,
        faultArb(c, false),
        async (n, size, faults) => {
          const expected = await walkKeys(vendorsFor(c, n, {}), c, limits.max);
          expect(expected).toHaveLength(n);
          const got = await walkKeys(vendorsFor(c, n, faults), c, size);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe.each(CASES.filter((c) => c.cursor))('a cursor walk over $name under inserts', (c) => {
  const limits = (simulatedVendors().sources[c.source] as Source<unknown>).limits;
  const sizeArb = fc.integer({ min: Math.max(limits.min, 5), max: Math.min(limits.max, 120) });

  it('keeps every original item exactly once, in order, while items are inserted during the walk', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        sizeArb,
        faultArb(c, true),
        async (n, size, faults) => {
          const original = await walkKeys(vendorsFor(c, n, {}), c, limits.max);
          const got = await walkKeys(vendorsFor(c, n, faults), c, size);
          expect(new Set(got).size).toBe(got.length);
          const present = new Set(got);
          for (const key of original) expect(present.has(key)).toBe(true);
          const kept = got.filter((k) => original.includes(k));
          expect(kept).toEqual(original);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('an offset walk (DingTalk pageNumber) under inserts, page after page (no drift repair)', () => {
  it('shows the drift the vendor model allows: rows pushed onto the next page are reported as duplicates, not yielded twice', async () => {
    const v = simulatedVendors({
      dingtalk: { sizes: { adjustments: 200 }, faults: { insertEvery: 1, mutationAt: 'head' } },
    });
    let duplicates = 0;
    const keys: string[] = [];
    for await (const page of paginate(v.sources.adjustments, {
      runner: v.runners.dingtalk,
      size: 50,
      repairDrift: false,
    })) {
      duplicates += page.duplicates;
      keys.push(...page.items.map((a) => String(a.id)));
    }
    expect(duplicates).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
