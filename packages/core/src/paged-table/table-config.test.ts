import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { changedAny } from '../shared/stable-text.js';
import type { Source } from '../types.js';
import {
  controlledChanges,
  pageSizeOf,
  prefetchDepthOf,
  reachOf,
  scopeOf,
  stretchOf,
} from './table-config.js';

const v = simulatedVendors({});
const runner = v.runners.mews;
const customers = v.sources.customers as Source<unknown>; // Mews: a cursor after each item, max 1000
const adjustments = v.sources.adjustments as Source<unknown>; // DingTalk pageNumber

describe('table config', () => {
  it('a controlled value given again unchanged is no change; a new one is, and is remembered', () => {
    const given = { pageIndex: 3, pageSize: 20, link: { index: 3, cursor: 'c3' } };
    const [same, still] = controlledChanges(given, {
      pageIndex: 3,
      pageSize: 20,
      link: { index: 3, cursor: 'c3' },
      prefetch: 2,
    });
    expect(same).toEqual({ prefetch: 2 }); // options that are not controlled always pass
    expect(still).toBe(given);
    const [moved, now] = controlledChanges(given, {
      pageIndex: 4,
      link: { index: 4, cursor: 'c4' },
    });
    expect(moved).toEqual({ pageIndex: 4, link: { index: 4, cursor: 'c4' } });
    expect(now).toEqual({ pageIndex: 4, pageSize: 20, link: { index: 4, cursor: 'c4' } });
  });

  it('options changed: data by value, objects holding functions by reference, functions never', () => {
    const source = customers;
    expect(changedAny({ params: { q: 'a', n: 1 } }, { params: { n: 1, q: 'a' } })).toBe(false);
    expect(changedAny({ params: { q: 'b' } }, { params: { q: 'a' } })).toBe(true);
    expect(changedAny({ source }, { source: { ...source } })).toBe(true);
    expect(changedAny({ source }, { source })).toBe(false);
    expect(changedAny({ onPageIndexChange: () => {} }, { onPageIndexChange: () => {} })).toBe(
      false,
    );
  });

  it('scopes a table by source and parameters, a secret in them fingerprinted, once per options', () => {
    const config = { source: adjustments, runner, params: { api_key: 'sk_live_123', team: 'a' } };
    const scope = scopeOf(config);
    expect(scopeOf(config)).toBe(scope);
    expect(JSON.stringify(scope)).not.toContain('sk_live_123');
    expect(JSON.stringify(scope)).toContain('"team":"a"');
    const other = scopeOf({ ...config, params: { api_key: 'sk_live_456', team: 'a' } });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(scope));
    expect(scopeOf({ source: adjustments, runner })).toEqual(scope.slice(0, -1));
  });

  it('sizes within the source limits; a stretched request only where the cursor follows an item', () => {
    expect(pageSizeOf({ source: customers, runner, pageSize: 5000 })).toBe(customers.limits.max);
    expect(pageSizeOf({ source: customers, runner })).toBe(customers.limits.default);
    expect(stretchOf({ source: customers, runner }, 20)).toBe(
      Math.floor(customers.limits.max / 20),
    );
    expect(stretchOf({ source: adjustments, runner }, 20)).toBe(1);
  });

  it('applies the defaults once: prefetch depth, forward jumps and walk length', () => {
    expect(prefetchDepthOf({ source: customers, runner })).toBe(3);
    expect(prefetchDepthOf({ source: customers, runner, prefetch: 5 })).toBe(5);
    expect(prefetchDepthOf({ source: customers, runner, prefetch: false })).toBe(3);
    expect(reachOf({ source: customers, runner }, 20)).toMatchObject({
      forwardJumps: 'walk',
      maxWalk: 10,
      stretch: Math.floor(customers.limits.max / 20),
    });
    expect(reachOf({ source: customers, runner, maxWalk: 2 }, 20).maxWalk).toBe(2);
  });
});
