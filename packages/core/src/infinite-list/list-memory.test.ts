import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { defineCursorSource } from '../sources/define-source.js';
import type { Cursor } from '../types.js';
import { createListMemory } from './list-memory.js';
import type { ListPage, ListPageParam } from './list-page.js';

/** Grows a list the way `useInfiniteQuery` does: next pages appended, a window of `maxPages`. */
async function grow<T>(
  memory: ReturnType<typeof createListMemory<T>>,
  fetch: (param: ListPageParam) => Promise<ListPage<T>>,
  { pages: count, maxPages = Number.POSITIVE_INFINITY }: { pages: number; maxPages?: number },
) {
  const pages: ListPage<T>[] = [];
  let param: ListPageParam | undefined = { cursor: null, direction: 'after' };
  for (let i = 0; i < count && param; i++) {
    pages.push(memory.record(param, await fetch(param), pages));
    if (pages.length > maxPages) pages.shift();
    param = memory.nextParam(pages[pages.length - 1]!);
  }
  return pages;
}

describe('list memory: a maxPages window on a forward-only source', () => {
  it('remembers each page’s predecessor so the window slides back up to the first page', async () => {
    const { runners, sources } = simulatedVendors({ mews: { sizes: { customers: 200 } } });
    const source = sources.customers;
    const memory = createListMemory(source);
    const fetch = (param: ListPageParam) => runners.mews.fetchPage(source, { ...param, size: 20 });
    const pages = await grow(memory, fetch, { pages: 6, maxPages: 3 });
    expect(pages.map((p) => p.cursor)).not.toContain(null);
    // Back up, page by page, to the very first one.
    for (
      let param = memory.previousParam(pages[0]!);
      param;
      param = memory.previousParam(pages[0]!)
    ) {
      pages.unshift(memory.record(param, await fetch(param), pages));
      pages.pop();
    }
    expect(pages[0]!.cursor).toBeNull();
    expect(memory.previousParam(pages[0]!)).toBeUndefined();
  });

  it('pages back with prev on sources that page both ways', async () => {
    const { runners, sources } = simulatedVendors({ dashly: { sizes: { conversations: 100 } } });
    const memory = createListMemory(sources.conversations);
    const page = await runners.dashly.fetchPage(sources.conversations, { cursor: null, size: 10 });
    const second = await runners.dashly.fetchPage(sources.conversations, {
      cursor: page.next,
      size: 10,
    });
    expect(memory.previousParam(second)).toEqual({ cursor: second.prev, direction: 'before' });
  });
});

describe('list memory: loops and stalls', () => {
  /** A source of our own; each test plays a broken vendor's pages to its list memory. */
  const source = defineCursorSource<{ id: string }>({
    provider: 'looping',
    limits: { min: 1, max: 10, default: 2 },
    key: (i) => i.id,
    request: ({ cursor }) => ({ method: 'GET', path: `/${cursor ?? 'start'}` }),
    parse: () => ({ items: [], next: null }),
  });
  const page = (
    cursor: Cursor | null,
    next: Cursor | null,
    ids: string[],
  ): ListPage<{ id: string }> => ({
    items: ids.map((id) => ({ id })),
    next,
    cursor,
    direction: 'after',
    size: 2,
  });

  it('stops with CURSOR_LOOP when the vendor hands out a cursor already walked (A → B → A)', async () => {
    const memory = createListMemory(source);
    const chain: Record<string, [Cursor, string[]]> = {
      start: ['A', ['1', '2']],
      A: ['B', ['3', '4']],
      B: ['A', ['5', '6']],
    };
    const pages = await grow(
      memory,
      async (p) => {
        const [next, ids] = chain[p.cursor ?? 'start']!;
        return page(p.cursor, next, ids);
      },
      { pages: 10 },
    );
    expect(pages).toHaveLength(3);
    expect(pages[2]!.stop?.code).toBe('CURSOR_LOOP');
    expect(pages[2]!.stop?.message).toMatch(/a cursor it handed out before/);
    expect(memory.nextParam(pages[2]!)).toBeUndefined();
  });

  it('stops after three pages in a row that bring no new item (a page repeated under new cursors)', async () => {
    const memory = createListMemory(source);
    let n = 0;
    const pages = await grow(memory, async (p) => page(p.cursor, `c${++n}`, ['1', '2']), {
      pages: 100,
    });
    expect(pages).toHaveLength(4);
    expect(pages[3]!.stop?.message).toMatch(/3 pages that bring no new item/);
  });

  it('allows empty pages that still point further, up to 20 in a row', async () => {
    const memory = createListMemory(source);
    let n = 0;
    const pages = await grow(memory, async (p) => page(p.cursor, `c${++n}`, n === 1 ? ['1'] : []), {
      pages: 100,
    });
    expect(pages).toHaveLength(21);
    expect(pages[20]!.stop?.code).toBe('CURSOR_LOOP');
  });
});
