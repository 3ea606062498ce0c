import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import type { Source } from '../types.js';
import { dashlyList } from '../vendors/dashly.js';
import { listItems } from './list-items.js';
import type { ListPage, ListPageParam } from './list-page.js';
import { mergeNewestEdge, type NewestEdge, newestEdgeRequest } from './newest-edge.js';

type Loaded<T> = { pages: ListPage<T>[]; pageParams: ListPageParam[] };

async function refresh<T>(
  v: ReturnType<typeof simulatedVendors>,
  vendor: 'dashly' | 'mews' | 'lineworks' | 'dingtalk',
  source: Source<T>,
  loaded: Loaded<T>,
  edge: NewestEdge,
  size: number,
) {
  const request = newestEdgeRequest(source, loaded, edge)!;
  const fetched = await v.runners[vendor].fetchPage(source, { ...request.param, size });
  return { request, ...mergeNewestEdge(loaded, request, fetched, source.key, edge) };
}

describe('the newest edge of a list', () => {
  it('Dashly (newest first, positions): asks only for what is newer than the newest message held, as a page of its own', async () => {
    const v = simulatedVendors({ dashly: { sizes: { parts: 300 } } });
    const source = v.sources.parts as Source<{ id: string }>;
    const first = await v.runners.dashly.fetchPage(source, {
      cursor: null,
      direction: 'after',
      size: 20,
    });
    const loaded = { pages: [first], pageParams: [{ cursor: null, direction: 'after' as const }] };
    // Nothing new yet: one request, nothing added.
    const idle = await refresh(v, 'dashly', source, loaded, 'start', 20);
    expect(idle.request.mode).toBe('before');
    expect(idle.added).toBe(0);
    expect(idle.pages).toHaveLength(1);
    // Three messages arrive.
    const arrived = v.sims.dashly.insertItems('/conversations/1/parts', 3, 'end');
    const before = v.sims.dashly.log.entries.length;
    const next = await refresh(v, 'dashly', source, loaded, 'start', 20);
    expect(v.sims.dashly.log.entries.length - before).toBe(1);
    expect(next.added).toBe(3);
    const items = listItems(next.pages, source.key);
    expect(items.slice(0, 3).map(source.key).sort()).toEqual([...arrived].sort());
    expect(items.slice(3).map(source.key)).toEqual(first.items.map(source.key));
    // Only the new items travelled: the request was positioned at the newest message held.
    expect(v.sims.dashly.log.entries.at(-1)!.itemCount).toBe(3);
  });

  it('Mews (newest first, forward only): re-reads the first page and merges it by key', async () => {
    const v = simulatedVendors({ mews: { sizes: { customers: 100 } } });
    const source = v.sources.customers as Source<{ Id: string }>;
    const first = await v.runners.mews.fetchPage(source, {
      cursor: null,
      direction: 'after',
      size: 20,
    });
    const second = await v.runners.mews.fetchPage(source, {
      cursor: first.next,
      direction: 'after',
      size: 20,
    });
    const loaded = {
      pages: [first, second],
      pageParams: [
        { cursor: null, direction: 'after' as const },
        { cursor: first.next, direction: 'after' as const },
      ],
    };
    const arrived = v.sims.mews.insertItems('/api/connector/v1/customers/getAll', 2, 'start');
    const next = await refresh(v, 'mews', source, loaded, 'start', 20);
    expect(next.request.mode).toBe('reread');
    expect(next.added).toBe(2);
    const keys = listItems(next.pages, source.key).map(source.key);
    expect(keys.slice(0, 2).sort()).toEqual([...arrived].sort());
    expect(keys).toHaveLength(42);
    expect(new Set(keys).size).toBe(42);
  });

  it('an oldest-first list (Dashly in ascending order): asks for what comes after the newest item, at the end', async () => {
    const v = simulatedVendors({ dashly: { sizes: { parts: 30 } } });
    const source = dashlyList<{ id: string }>({
      path: '/conversations/1/parts',
      position: ['id'],
      order: 'asc',
    });
    const first = await v.runners.dashly.fetchPage(source, {
      cursor: null,
      direction: 'after',
      size: 20,
    });
    const last = await v.runners.dashly.fetchPage(source, {
      cursor: first.next,
      direction: 'after',
      size: 20,
    });
    expect(last.next).toBeNull();
    const loaded = {
      pages: [first, last],
      pageParams: [
        { cursor: null, direction: 'after' as const },
        { cursor: first.next, direction: 'after' as const },
      ],
    };
    const arrived = v.sims.dashly.insertItems('/conversations/1/parts', 2, 'end');
    const next = await refresh(v, 'dashly', source, loaded, 'end', 20);
    expect(next.request.mode).toBe('after');
    expect(next.added).toBe(2);
    // The last page held 10 of 20: the two new items join it rather than making a page of two.
    expect(next.pages).toHaveLength(2);
    expect(next.pages[1]!.items).toHaveLength(12);
    expect(next.pages[1]!.next).toBeNull();
    const keys = listItems(next.pages, source.key).map(source.key);
    expect(keys.slice(-2)).toEqual(arrived);
    expect(keys).toHaveLength(32);
    expect(v.sims.dashly.log.entries.at(-1)!.itemCount).toBe(2);
  });

  it('restarts from the re-read page when more arrived than a page holds (no hole between new and old)', async () => {
    const v = simulatedVendors({ mews: { sizes: { customers: 60 } } });
    const source = v.sources.customers as Source<{ Id: string }>;
    const first = await v.runners.mews.fetchPage(source, {
      cursor: null,
      direction: 'after',
      size: 10,
    });
    const loaded = { pages: [first], pageParams: [{ cursor: null, direction: 'after' as const }] };
    v.sims.mews.insertItems('/api/connector/v1/customers/getAll', 15, 'start');
    const next = await refresh(v, 'mews', source, loaded, 'start', 10);
    expect(next.pages).toHaveLength(1);
    expect(next.pages[0]!.items.map(source.key)).not.toContain(first.items[0]!.Id);
  });

  it('a chat polled one message at a time keeps its history within maxPages (new items fill the edge page first)', async () => {
    const v = simulatedVendors({ dashly: { sizes: { parts: 300 } } });
    const source = v.sources.parts as Source<{ id: string }>;
    let loaded: Loaded<{ id: string }> = { pages: [], pageParams: [] };
    let cursor: string | null = null;
    for (let i = 0; i < 3; i++) {
      const page: ListPage<{ id: string }> = await v.runners.dashly.fetchPage(source, {
        cursor,
        direction: 'after',
        size: 20,
      });
      loaded = {
        pages: [...loaded.pages, page],
        pageParams: [...loaded.pageParams, { cursor, direction: 'after' }],
      };
      cursor = page.next;
    }
    for (let poll = 0; poll < 25; poll++) {
      v.sims.dashly.insertItems('/conversations/1/parts', 1, 'end');
      const next = await refresh(v, 'dashly', source, loaded, 'start', 20);
      loaded = { pages: next.pages, pageParams: next.pageParams };
    }
    // 25 arrivals: one full page of 20 and one of 5 ahead of the 3 pages of history, not 25 pages of one.
    expect(loaded.pages.map((p) => p.items.length)).toEqual([5, 20, 20, 20, 20]);
    const keys = listItems(loaded.pages, source.key).map(source.key);
    expect(new Set(keys).size).toBe(85);
  });
});
