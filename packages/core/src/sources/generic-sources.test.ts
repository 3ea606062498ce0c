import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { paginate } from '../paginate.js';
import { parseLinkHeader } from './link-header.js';

describe('offset/limit source', () => {
  it('walks offset 0, size, 2·size… and stops at the total', async () => {
    const { sims, runners, sources } = simulatedVendors({ generic: { size: 250 } });
    const pages = [];
    for await (const p of paginate(sources.offsetItems, { runner: runners.generic, size: 100 }))
      pages.push(p);
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 50]);
    expect(pages[0]!.total).toBe(250);
    expect(sims.generic.log.entries.map((e) => e.params)).toEqual([
      { offset: '0', limit: '100' },
      { offset: '100', limit: '100' },
      { offset: '200', limit: '100' },
    ]);
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
