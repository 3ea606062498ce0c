import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { paginate } from '../paginate.js';
import { dashlyList } from './dashly.js';

/** Filtered walks end to end: each adapter sends its vendor's own fields, the simulator honours them. */
describe('vendor parameters', () => {
  it('DingTalk events: the time window DingTalk recommends with nextToken (timeMin, timeMax)', async () => {
    const { runners, sources, sims } = simulatedVendors({ dingtalk: { sizes: { events: 400 } } });
    const all = await paginate(sources.events, { runner: runners.dingtalk, size: 100 }).toArray();
    const from = all[100]!.start.dateTime;
    const to = all[250]!.start.dateTime;
    const params = { from, to };
    const inWindow = await paginate(sources.events, {
      runner: runners.dingtalk,
      size: 20,
      params,
    }).toArray();
    const t = (s: string) => Date.parse(s);
    expect(inWindow.length).toBeGreaterThan(100);
    expect(
      inWindow.every((e) => t(e.start.dateTime) >= t(from) && t(e.start.dateTime) < t(to)),
    ).toBe(true);
    expect(inWindow.length).toBe(
      all.filter((e) => t(e.start.dateTime) >= t(from) && t(e.start.dateTime) < t(to)).length,
    );
    const sent = sims.dingtalk.log.entries.filter((e) => e.path.endsWith('/events')).at(-1)!;
    expect(sent.params).toMatchObject({ timeMin: from, timeMax: to });
  });

  it('Mews reservations: States and the CreatedUtc interval beside Limitation', async () => {
    const { runners, sources } = simulatedVendors({ mews: { sizes: { reservations: 600 } } });
    const all = await paginate(sources.reservations, { runner: runners.mews, size: 200 }).toArray();
    const confirmed = await paginate(sources.reservations, {
      runner: runners.mews,
      size: 50,
      params: { states: ['Confirmed', 'Started'] },
    }).toArray();
    expect(confirmed.length).toBe(
      all.filter((r) => r.State === 'Confirmed' || r.State === 'Started').length,
    );
    expect(confirmed.every((r) => r.State === 'Confirmed' || r.State === 'Started')).toBe(true);
    await expect(
      paginate(sources.reservations, {
        runner: runners.mews,
        params: { created: { from: '2026-01-01T00:00:00Z', to: '2026-08-01T00:00:00Z' } },
      }).toArray(),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/at most 3 months/),
    });
  });

  it('a page-number admin API: sort, a status filter and search, the total from X-Total-Count', async () => {
    const { runners, sources } = simulatedVendors({ generic: { orders: 500 } });
    const query = { sort: [{ id: 'total', desc: true }], filters: { status: 'paid' }, search: '' };
    const pages = [];
    for await (const page of paginate(sources.orders, {
      runner: runners.generic,
      size: 50,
      params: query,
    }))
      pages.push(page);
    const rows = pages.flatMap((p) => p.items);
    expect(rows.every((o) => o.status === 'paid')).toBe(true);
    expect(rows.map((o) => o.total)).toEqual([...rows.map((o) => o.total)].sort((a, b) => b - a));
    expect(pages[0]!.total).toBe(rows.length);
    expect(pages[0]!.pageCount).toBe(Math.ceil(rows.length / 50));
    const found = await paginate(sources.orders, {
      runner: runners.generic,
      params: { sort: [], filters: {}, search: rows[0]!.number },
    }).toArray();
    expect(found.map((o) => o.id)).toEqual([rows[0]!.id]);
  });

  it('Dashly: the list order (paginate_page_order) chosen from the parameters', async () => {
    const { runners, sims } = simulatedVendors({ dashly: { sizes: { conversations: 60 } } });
    const conversations = dashlyList<{ id: string; created: number }, { oldestFirst: boolean }>({
      path: '/apps/42/conversations',
      position: ['created', 'id'],
      order: (p) => (p.oldestFirst ? 'asc' : 'desc'),
    });
    const newest = await paginate(conversations, { runner: runners.dashly, size: 25 }).toArray();
    const oldest = await paginate(conversations, {
      runner: runners.dashly,
      size: 25,
      params: { oldestFirst: true },
    }).toArray();
    expect(oldest.map((c) => c.id)).toEqual([...newest].reverse().map((c) => c.id));
    expect(sims.dashly.log.entries.at(-1)!.params.paginate_page_order).toBe('asc');
  });
});
