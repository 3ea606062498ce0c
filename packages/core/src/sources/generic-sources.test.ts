import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { paginate } from '../paginate.js';
import { createRequestRunner } from '../runner/request-runner.js';
import { linkHeaderSource, parseLinkHeader } from './link-header.js';

describe('offset/limit source', () => {
  it('without drift repair, walks offset 0, size, 2·size… and stops at the total', async () => {
    const { sims, runners, sources } = simulatedVendors({ generic: { size: 250 } });
    const pages = [];
    const walk = paginate(sources.offsetItems, {
      runner: runners.generic,
      size: 100,
      repairDrift: false,
    });
    for await (const p of walk) pages.push(p);
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 50]);
    expect(pages[0]!.total).toBe(250);
    expect(sims.generic.log.entries.map((e) => e.params)).toEqual([
      { offset: '0', limit: '100' },
      { offset: '100', limit: '100' },
      { offset: '200', limit: '100' },
    ]);
  });

  it('with drift repair (the default), starts each request a few items back and yields each item once', async () => {
    const { sims, runners, sources } = simulatedVendors({ generic: { size: 250 } });
    const items = await paginate(sources.offsetItems, {
      runner: runners.generic,
      size: 40,
    }).toArray();
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    const windows = sims.generic.log.entries.map((e) => ({
      offset: Number(e.params.offset),
      limit: Number(e.params.limit),
    }));
    expect(windows[0]).toEqual({ offset: 0, limit: 40 });
    for (let i = 1; i < windows.length; i++) {
      const read = windows[i - 1]!.offset + windows[i - 1]!.limit;
      expect(read - windows[i]!.offset).toBeGreaterThanOrEqual(3);
      expect(windows[i]!.limit).toBeLessThanOrEqual(100);
    }
    expect(windows.length).toBeLessThanOrEqual(Math.ceil(250 / 40) + 1);
  });

  it('jumps straight to a page by number', async () => {
    const { runners, sources } = simulatedVendors({ generic: { size: 250 } });
    const page = await runners.generic.fetchPage(sources.offsetItems, { cursor: '3', size: 20 });
    expect(page.items[0]!.id).toBe(41);
    expect(page.pageCount).toBe(13);
    expect(page.prev).toBe('2');
  });

  it('refuses a cursor that is not a page number of this source', async () => {
    const { runners, sources } = simulatedVendors();
    await expect(
      runners.generic.fetchPage(sources.offsetItems, { cursor: 'eyJ0b2tlbiI6MX0=' }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(
      runners.generic.fetchPage(sources.offsetItems, { cursor: '0' }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});

describe('Link header source', () => {
  it('parses RFC 8288 links, quoted or not, several relations', () => {
    expect(
      parseLinkHeader(
        '<https://a.test/x?page=2>; rel="next", <https://a.test/x?page=9>; rel=last, <https://a.test/x?page=1>; rel="first prev"',
      ),
    ).toEqual({
      next: 'https://a.test/x?page=2',
      last: 'https://a.test/x?page=9',
      first: 'https://a.test/x?page=1',
      prev: 'https://a.test/x?page=1',
    });
    expect(parseLinkHeader(null)).toEqual({});
  });

  it('follows rel="next" until there is none', async () => {
    const { sims, runners, sources } = simulatedVendors({ generic: { size: 95 } });
    const items = await paginate(sources.linkedItems, {
      runner: runners.generic,
      size: 30,
    }).toArray();
    expect(items.map((x) => x.id)).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
    expect(sims.generic.log.entries).toHaveLength(4);
  });

  it('refuses to follow a link to another origin', async () => {
    const { runners, sources } = simulatedVendors();
    await expect(
      runners.generic.fetchPage(sources.linkedItems, { cursor: 'https://evil.example/steal' }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});

describe('Link-header source: counts and links as a browser reads them', () => {
  it('reads the page count from rel="last" and the total from X-Total-Count', async () => {
    const { runners, sources } = simulatedVendors({ generic: { size: 250 } });
    const page = await runners.generic.fetchPage(sources.linkedItems, { cursor: null, size: 20 });
    expect(page.pageCount).toBe(13);
    const counted = linkHeaderSource<{ id: number }>({ path: '/items', key: (i) => String(i.id) });
    const answer = (headers: Record<string, string>) =>
      counted.parse([{ id: 1 }], {
        size: 20,
        direction: 'after',
        cursor: null,
        status: 200,
        headers: new Headers(headers),
      });
    expect(answer({ 'x-total-count': '987' })).toMatchObject({ total: 987 });
    expect(answer({ link: '<https://x/items?page=44&per_page=20>; rel="last"' })).toMatchObject({
      pageCount: 44,
    });
    // Not numbers a vendor writes: ignored, never a count.
    expect(answer({ 'x-total-count': '1e3', link: '<https://x/?page=-1>; rel="last"' })).toEqual({
      items: [{ id: 1 }],
      next: null,
      prev: null,
    });
  });

  it('a Link header that names rel="next" without a <URL> for it is BAD_RESPONSE, not the end of the list', () => {
    const source = linkHeaderSource<{ id: number }>({ path: '/items', key: (i) => String(i.id) });
    const answer = (link: string) =>
      source.parse([{ id: 1 }], {
        size: 20,
        direction: 'after',
        cursor: null,
        status: 200,
        headers: new Headers({ link }),
      });
    for (const link of [
      'https://x/items?page=2; rel="next"',
      '<https://x/items?q=<b>&page=2>; rel="next"',
      '<https://x/items?page=1>; rel="first", https://x/items?page=3; rel=next',
    ])
      expect(() => answer(link), link).toThrow(
        expect.objectContaining({ code: 'BAD_RESPONSE', field: 'link' }),
      );
    // Other relations without a next: the end, as before ("previous" is not "prev").
    expect(answer('<https://x/items?page=1>; rel="first previous"')).toMatchObject({ next: null });
  });

  it('follows a root-relative link under a base path once, not twice (/api/api)', async () => {
    const sent: string[] = [];
    const source = linkHeaderSource<{ id: number }>({ path: '/tickets', key: (i) => String(i.id) });
    const runner = createRequestRunner({
      baseUrl: 'https://app.example/api',
      fetch: async (input) => {
        sent.push(String(input));
        return new Response('[{"id":1}]', {
          headers: { link: '</api/tickets?page=2>; rel="next"' },
        });
      },
    });
    const first = await runner.fetchPage(source, { cursor: null });
    await runner.fetchPage(source, { cursor: first.next });
    expect(sent[1]).toBe('https://app.example/api/tickets?page=2');
  });
});
