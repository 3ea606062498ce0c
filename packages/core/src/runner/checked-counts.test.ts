import { afterEach, describe, expect, it, vi } from 'vitest';
import { readItems } from '../read-page-fields.js';
import { definePageNumberSource } from '../sources/define-source.js';
import { createRequestRunner } from './request-runner.js';

afterEach(() => vi.restoreAllMocks());

const rows = Array.from({ length: 45 }, (_, i) => ({ id: `r${i}` }));
const runner = createRequestRunner({
  baseUrl: 'https://x.example',
  fetch: async (input) => {
    const url = new URL(String(input));
    const page = Number(url.searchParams.get('page'));
    return Response.json({ rows: rows.slice(page * 10, page * 10 + 10) });
  },
});
/** A source of the app's own whose parse hands on a count as the vendor wrote it. */
const sourceGiving = (counts: { total?: unknown; pageCount?: unknown }) =>
  definePageNumberSource<{ id: string }>({
    provider: 'own',
    firstPage: 0,
    limits: { min: 1, max: 50, default: 10 },
    key: (row) => row.id,
    request: ({ page }) => ({ method: 'GET', path: '/rows', query: { page: String(page) } }),
    parse: (body, { page, size }) => {
      const items = readItems<{ id: string }>('own', body, 'rows');
      return { items, next: items.length < size ? null : String(page + 1), ...counts } as never;
    },
  });

describe('counts a source gives', () => {
  it('a total or page count that is not a whole number of at least 0 is left out, said in development; the rows stay', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY, 1.5, '45', null]) {
      for (const field of ['total', 'pageCount'] as const) {
        const page = await runner.fetchPage(sourceGiving({ [field]: bad }), { cursor: null });
        expect(page.items, `${field} ${String(bad)}`).toHaveLength(10);
        expect(page[field], `${field} ${String(bad)}`).toBeUndefined();
      }
    }
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('total -1 (number), not a whole number'),
    );
    // Whole counts stay, 0 included (an empty list).
    const page = await runner.fetchPage(sourceGiving({ total: 45, pageCount: 5 }), {
      cursor: null,
    });
    expect(page).toMatchObject({ total: 45, pageCount: 5 });
    const empty = await runner.fetchPage(sourceGiving({ total: 0, pageCount: 0 }), { cursor: '9' });
    expect(empty).toMatchObject({ total: 0, pageCount: 0, items: [] });
  });
});
