import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { paginate } from './paginate.js';
import { createRequestRunner } from './runner/request-runner.js';
import { defineCursorSource } from './sources/define-source.js';

/** A vendor whose answers are scripted: the cursor it hands out is whatever `nextFor` says. */
function scriptedVendor(
  nextFor: (cursor: string | null) => string | null,
  itemsFor: (cursor: string | null) => number[] = (c) => [c === null ? 0 : c.charCodeAt(0)],
) {
  let requests = 0;
  const fetch: typeof globalThis.fetch = async (input) => {
    requests++;
    const cursor = new URL(String(input)).searchParams.get('cursor');
    return new Response(JSON.stringify({ items: itemsFor(cursor), next: nextFor(cursor) }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  const source = defineCursorSource<number>({
    provider: 'scripted',
    limits: { min: 1, max: 10, default: 10 },
    key: String,
    request: ({ cursor }) => ({
      method: 'GET',
      path: '/list',
      query: cursor ? { cursor } : undefined,
    }),
    parse: (body) => body as { items: number[]; next: string | null },
  });
  return {
    source,
    runner: createRequestRunner({ baseUrl: 'https://scripted.test', fetch }),
    requests: () => requests,
  };
}

describe('paginate()', () => {
  it('raises CURSOR_LOOP when the vendor repeats a cursor, instead of spinning', async () => {
    const v = scriptedVendor((c) => (c === null ? 'a' : c === 'a' ? 'b' : 'a'));
    await expect(paginate(v.source, { runner: v.runner }).toArray()).rejects.toMatchObject({
      code: 'CURSOR_LOOP',
      provider: 'scripted',
    });
    expect(v.requests()).toBe(3);
  });

  it('yields an item once even when the vendor repeats it within a page and across pages', async () => {
    const v = scriptedVendor(
      (c) => (c === null ? 'b' : null),
      (c) => (c === null ? [1, 2, 2, 3] : [3, 4, 4]),
    );
    const pages = [];
    for await (const page of paginate(v.source, { runner: v.runner })) pages.push(page);
    expect(pages.map((p) => [p.items, p.duplicates])).toEqual([
      [[1, 2, 3], 1],
      [[4], 2],
    ]);
  });

  it('gives up on endless empty pages', async () => {
    const v = scriptedVendor(
      (c) => String(Number(c ?? 0) + 1),
      () => [],
    );
    await expect(
      paginate(v.source, { runner: v.runner, maxEmptyPages: 5 }).toArray(),
    ).rejects.toMatchObject({ code: 'CURSOR_LOOP' });
    expect(v.requests()).toBe(5);
  });

  it('resumes from a saved cursor and reports progress', async () => {
    const { runners, sources } = simulatedVendors({ lineworks: { sizes: { users: 250 } } });
    const progress: Array<{ pages: number; items: number; done: boolean }> = [];
    const first = [];
    let saved: string | null = null;
    for await (const page of paginate(sources.users, {
      runner: runners.lineworks,
      size: 50,
      maxPages: 2,
      onProgress: (p) => progress.push(p),
    })) {
      first.push(...page.items);
      saved = page.next;
    }
    expect(progress.map((p) => [p.pages, p.items, p.done])).toEqual([
      [1, 50, false],
      [2, 100, false],
    ]);
    const rest = await paginate(sources.users, {
      runner: runners.lineworks,
      size: 50,
      from: saved,
    }).toArray();
    const all = [...first, ...rest].map((u) => u.userId);
    expect(all).toHaveLength(250);
    expect(new Set(all).size).toBe(250);
  });

  it('cancels by AbortSignal between and during pages', async () => {
    const { sims, runners, sources } = simulatedVendors({ mews: { sizes: { customers: 1000 } } });
    const controller = new AbortController();
    const seen: number[] = [];
    const walk = (async () => {
      for await (const page of paginate(sources.customers, {
        runner: runners.mews,
        size: 10,
        signal: controller.signal,
      })) {
        seen.push(page.items.length);
        if (seen.length === 3) controller.abort();
      }
    })();
    await expect(walk).rejects.toMatchObject({ code: 'ABORTED' });
    expect(seen).toHaveLength(3);
    expect(sims.mews.log.entries).toHaveLength(3);
  });

  it('de-duplicates by key across pages (a vendor that repeats items at a boundary)', async () => {
    const v = scriptedVendor(
      (c) => (c === null ? '1' : c === '1' ? '2' : null),
      (c) => (c === null ? [1, 2, 3] : c === '1' ? [3, 4, 5] : [5, 6]),
    );
    const pages = [];
    for await (const p of paginate(v.source, { runner: v.runner })) pages.push(p);
    expect(pages.flatMap((p) => p.items)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pages.map((p) => p.duplicates)).toEqual([0, 1, 1]);
  });

  it('a runner of your own that copies the items de-duplicates the same', async () => {
    const v = scriptedVendor(
      (c) => (c === null ? '1' : null),
      (c) => (c === null ? [1, 2, 2] : [2, 3]),
    );
    const own = {
      ...v.runner,
      fetchPage: async (...args: Parameters<typeof v.runner.fetchPage>) => {
        const page = await v.runner.fetchPage(...args);
        return { ...page, items: [...page.items] };
      },
    } as typeof v.runner;
    const pages = [];
    for await (const p of paginate(v.source, { runner: own })) pages.push(p);
    expect(pages.map((p) => [p.items, p.duplicates])).toEqual([
      [[1, 2], 1],
      [[3], 1],
    ]);
  });

  it('a runner of your own that reorders items in place: each item keyed as it is now', async () => {
    const v = scriptedVendor(
      (c) => (c === null ? '1' : null),
      (c) => (c === null ? [1, 2, 3] : [3, 4, 5]),
    );
    const reversing = {
      ...v.runner,
      fetchPage: async (...args: Parameters<typeof v.runner.fetchPage>) => {
        const page = await v.runner.fetchPage(...args);
        page.items.reverse();
        return page;
      },
    } as typeof v.runner;
    expect(await paginate(v.source, { runner: reversing }).toArray()).toEqual([3, 2, 1, 5, 4]);
  });

  it('walks backwards with direction "before"', async () => {
    const { runners, sources } = simulatedVendors({ dashly: { sizes: { conversations: 120 } } });
    const all = await paginate(sources.conversations, {
      runner: runners.dashly,
      size: 50,
    }).toArray();
    const oldest = all.at(-1)!;
    const back = await paginate(sources.conversations, {
      runner: runners.dashly,
      size: 50,
      direction: 'before',
      from: sources.conversations.cursorOf!(oldest)!,
    }).toArray();
    expect(back).toHaveLength(119);
    expect(new Set(back.map((c) => c.id)).size).toBe(119);
  });
});
