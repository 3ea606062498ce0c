import { describe, expect, it } from 'vitest';
import { defineTableState } from './table-state-definition.js';

describe('defineTableState', () => {
  it('refuses URL values the table could not have written', () => {
    const plain = defineTableState({ url: true });
    for (const page of ['1e9', '0x10', ' 7 ', '1e21', '-2', '0', '3.5', 'NaN', '9999999'])
      expect([page, plain.read(`?page=${encodeURIComponent(page)}`).pageIndex]).toEqual([page, 0]);
    expect(plain.read('?page=7').pageIndex).toBe(6);
    const orders = defineTableState({
      url: true,
      sortable: ['total', 'customer'],
      filterable: ['status'],
      pageSizes: [20, 50],
    });
    const state = orders.read('?size=5000&sort=-total,evil(),customer&status=paid&role=x&q=smith');
    expect(state).toMatchObject({
      pageSize: undefined,
      sorting: [
        { id: 'total', desc: true },
        { id: 'customer', desc: false },
      ],
      columnFilters: [{ id: 'status', value: 'paid' }],
      globalFilter: 'smith',
    });
    expect(orders.write('?tab=2', { ...state, pageIndex: 2, cursor: 'abc' })).toBe(
      '?tab=2&page=3&sort=-total%2Ccustomer&status=paid&q=smith&cursor=abc',
    );
  });

  it('reads a query in every form a framework hands one, with the same result', () => {
    const table = defineTableState({ url: true, filterable: { status: ['open', 'closed'] } });
    const text = '?page=4&size=50&status=open&q=smith&cursor=c4';
    const forms = [
      text,
      new URLSearchParams(text),
      // Next.js' `searchParams`: a record, repeated names as arrays (the first one counts).
      {
        page: '4',
        size: '50',
        status: ['open', 'closed'],
        q: 'smith',
        cursor: 'c4',
        other: undefined,
      },
    ];
    for (const form of forms)
      expect(table.read(form)).toEqual({
        pageIndex: 3,
        pageSize: 50,
        cursor: 'c4',
        sorting: [],
        columnFilters: [{ id: 'status', value: 'open' }],
        globalFilter: 'smith',
      });
    // A value outside the allowed ones is ignored when read and not written.
    expect(table.read('?status=bogus').columnFilters).toEqual([]);
    const state = table.read('');
    expect(table.write('', { ...state, columnFilters: [{ id: 'status', value: 'bogus' }] })).toBe(
      '',
    );
  });

  it('gives the page a state asks for: parameters for the source, and a link only past the first page', () => {
    const table = defineTableState({ url: true, sortable: ['total'], filterable: ['status'] });
    const state = table.read('?page=5&size=20&sort=-total&status=paid&q=a&cursor=c5');
    expect(table.page(state)).toEqual({
      params: { sort: [{ id: 'total', desc: true }], filters: { status: 'paid' }, search: 'a' },
      pageIndex: 4,
      pageSize: 20,
      link: { index: 4, cursor: 'c5' },
    });
    expect(table.pageOf('?page=5&size=20&sort=-total&status=paid&q=a&cursor=c5')).toEqual(
      table.page(state),
    );
    // A cursor on the first page is no link (page 1 needs none), and is not written back.
    expect(table.pageOf('?cursor=c1').link).toBeUndefined();
    expect(table.write('', { ...state, pageIndex: 0 })).toBe(
      '?size=20&sort=-total&status=paid&q=a',
    );
  });

  it('keeps several tables apart by prefix, and caps what a URL can make it hold', () => {
    const a = defineTableState({ url: { prefix: 'a_' } });
    const b = defineTableState({ url: { prefix: 'b_' } });
    const query = `?a_page=2&b_page=9&a_q=${'x'.repeat(500)}&b_cursor=${'c'.repeat(3000)}&b_sort=${'s,'.repeat(5000)}`;
    expect(a.read(query)).toMatchObject({ pageIndex: 1, globalFilter: 'x'.repeat(200) });
    const second = b.read(query);
    expect(second).toMatchObject({ pageIndex: 8, cursor: undefined, globalFilter: '' });
    expect(second.sorting).toEqual([{ id: 's', desc: false }]);
    // Writing one table keeps the other's parameters (and the page's own) as they were.
    expect(a.write('?tab=2&a_page=2&b_page=9', { ...a.read('?a_page=2'), pageIndex: 0 })).toBe(
      '?tab=2&b_page=9',
    );
  });
});
