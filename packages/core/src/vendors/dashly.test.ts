import { simulatedVendors, vendorSources } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { paginate } from '../paginate.js';
import { dashlyList } from './dashly.js';

const ctx = { size: 20, status: 200, headers: new Headers() };

describe('Dashly v2 lists', () => {
  it('reads the docs example position byte-exact, beyond 2^53', () => {
    const source = dashlyList({ path: '/apps/1/conversations', position: ['created', 'id'] });
    const text =
      '{"meta": {"next_before_position": [1684739969.358085, 1160406004324630614], "status": 200}, "data": [{"id": 1160406004324630614, "created": 1684739969.358085}]}';
    const page = source.parse(source.decode!(text), { ...ctx, direction: 'after', cursor: null });
    expect(page.next).toBe('[1684739969.358085,1160406004324630614]');
    expect(page.prev).toBeNull();
    expect(page.items).toEqual([{ id: '1160406004324630614', created: 1684739969.358085 }]);
    const request = source.request({ cursor: page.next, direction: 'after', size: 20 });
    expect(request.query).toMatchObject({
      paginate_position: '[1684739969.358085,1160406004324630614]',
      paginate_direction: 'before',
      paginate_count: '20',
      paginate_page_order: 'desc',
    });
  });

  it('walks every conversation once, newest first, with positions sent back exactly as written', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dashly: { sizes: { conversations: 1000 } },
    });
    const items = await paginate(sources.conversations, {
      runner: runners.dashly,
      size: 50,
    }).toArray();
    expect(items).toHaveLength(1000);
    expect(new Set(items.map((c) => c.id)).size).toBe(1000);
    for (const c of items) expect(BigInt(c.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const log = sims.dashly.log.entries;
    for (let i = 1; i < log.length; i++) expect(log[i]!.cursorIn).toBe(log[i - 1]!.cursorOut);
    const keys = items.map((c) => [c.created, BigInt(c.id)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [t0, id0] = keys[i - 1]!;
      const [t1, id1] = keys[i]!;
      expect(t1 < t0 || (t1 === t0 && id1 < id0)).toBe(true);
    }
  });

  it('knows an item’s exact position in another source object made the same way, and from a hydrated copy', async () => {
    const { runners, sources } = simulatedVendors({ dashly: { sizes: { conversations: 40 } } });
    const head = await runners.dashly.fetchPage(sources.conversations, { cursor: null, size: 20 });
    const item = head.items[5]!;
    const exact = sources.conversations.cursorOf!(item)!;
    // A source made again (on every render) and an item that travelled as JSON (server rendering).
    const again = vendorSources().conversations;
    expect(again.cursorOf!(item)).toBe(exact);
    const hydrated = again.cursorOf!(JSON.parse(JSON.stringify(item)))!;
    const around = await runners.dashly.fetchPage(again, {
      cursor: hydrated,
      direction: 'around',
      size: 5,
    });
    expect(around.items.map((c) => c.id)).toContain(item.id);
  });

  it('pages by primary key ([id]) too', async () => {
    const { runners, sources } = simulatedVendors({ dashly: { sizes: { parts: 130 } } });
    const parts = await paginate(sources.parts, { runner: runners.dashly, size: 50 }).toArray();
    expect(parts).toHaveLength(130);
  });

  it('opens around an item with about half from each side, then grows both ways', async () => {
    const { runners, sources } = simulatedVendors({ dashly: { sizes: { conversations: 300 } } });
    const head = await runners.dashly.fetchPage(sources.conversations, { cursor: null, size: 50 });
    const target = head.items[30]!;
    const cursor = sources.conversations.cursorOf!(target)!;
    expect(cursor).toMatch(new RegExp(`,${target.id}\\]$`));
    const around = await runners.dashly.fetchPage(sources.conversations, {
      cursor,
      direction: 'around',
      size: 20,
    });
    expect(around.items.map((c) => c.id)).toContain(target.id);
    const index = around.items.findIndex((c) => c.id === target.id);
    expect(index).toBeGreaterThanOrEqual(8);
    expect(index).toBeLessThanOrEqual(11);
    expect(around.next).not.toBeNull();
    expect(around.prev).not.toBeNull();
    const older = await runners.dashly.fetchPage(sources.conversations, {
      cursor: around.next,
      direction: 'after',
      size: 20,
    });
    const newer = await runners.dashly.fetchPage(sources.conversations, {
      cursor: around.prev!,
      direction: 'before',
      size: 20,
    });
    const all = [...newer.items, ...around.items, ...older.items].map((c) => c.id);
    const headIds = head.items.map((c) => c.id);
    expect(new Set(all).size).toBe(all.length);
    // The newer page ends right above the around page, in list order.
    expect(headIds.indexOf(newer.items.at(-1)!.id) + 1).toBe(headIds.indexOf(around.items[0]!.id));
  });

  it('builds a primary-key position from an id alone, exactly', () => {
    const parts = dashlyList({ path: '/conversations/1/parts', position: ['id'] });
    expect(parts.cursorForKey!('1160406004324630614')).toBe('[1160406004324630614]');
    const conversations = dashlyList({
      path: '/apps/1/conversations',
      position: ['created', 'id'],
    });
    expect(conversations.cursorForKey!('1160406004324630614')).toBeUndefined();
  });

  it('says where the list ends in each direction (null positions)', async () => {
    const { runners, sources } = simulatedVendors({ dashly: { sizes: { conversations: 30 } } });
    const head = await runners.dashly.fetchPage(sources.conversations, { cursor: null, size: 50 });
    expect(head.next).toBeNull();
    expect(head.prev).toBeNull();
  });

  it('refuses a direction the endpoint does not support', async () => {
    const { runners } = simulatedVendors();
    const source = dashlyList({
      path: '/apps/1/conversations',
      position: ['created', 'id'],
      directions: ['after'],
    });
    await expect(
      runners.dashly.fetchPage(source, { cursor: '[1,2]', direction: 'around' }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_DIRECTION' });
  });
});

describe('Dashly v1 lists (deprecated)', () => {
  it('walks with after/next_after, and loses conversations that share a boundary timestamp, as documented', async () => {
    const { runners, sources } = simulatedVendors({ dashly: { sizes: { conversations: 2000 } } });
    const v1 = await paginate(sources.conversationsV1, {
      runner: runners.dashly,
      size: 50,
    }).toArray();
    const v2 = await paginate(sources.conversations, {
      runner: runners.dashly,
      size: 50,
    }).toArray();
    expect(v2).toHaveLength(2000);
    expect(v1.length).toBeLessThan(2000);
    expect(new Set(v1.map((c) => c.id)).size).toBe(v1.length);
  });
});
