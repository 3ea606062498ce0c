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
    // A size not offered is never written either: the URL could not say what the table shows.
    expect(orders.offers(50)).toBe(true);
    expect(orders.offers(25)).toBe(false);
    expect(orders.write('', { ...state, pageSize: 25 })).not.toMatch(/size=/);
    expect(orders.write('', { ...state, pageSize: 50 })).toMatch(/size=50/);
    // Nor a sort by a column not sortable (nor an id no URL could hold).
    const sorting = [
      { id: 'status', desc: false },
      { id: 'total', desc: true },
      { id: 'evil()', desc: false },
    ];
    expect(orders.write('', { ...state, sorting })).toMatch(/sort=-total&/);
    expect(plain.write('', { ...state, sorting })).toMatch(/sort=status%2C-total&/);
    expect(plain.offers(25)).toBe(true);
    expect(plain.offers(0) || plain.offers(10_000) || plain.offers(2.5)).toBe(false);
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

  it('corrects a query holding what the table refused, and only such a query', () => {
    const table = defineTableState({
      url: true,
      sortable: ['total', 'customer'],
      filterable: { status: ['paid', 'open'] },
      pageSizes: [10, 20],
    });
    expect(table.correct('?page=abc&size=33&status=lost&sort=-total,nope&tab=2&q=smith')).toBe(
      '?sort=-total&tab=2&q=smith',
    );
    expect(table.correct({ page: '0x10', tab: ['a', 'b'] })).toBe('?tab=a&tab=b');
    // What the table could have written, however encoded or ordered: nothing to correct.
    for (const fine of ['', '?tab=2', '?sort=-total%2Ccustomer&page=2', '?q=a+b&page=3&size=20'])
      expect(table.correct(fine)).toBeUndefined();
    expect(table.correct(new URLSearchParams('page=2&status=paid'))).toBeUndefined();
  });

  it('given the page fetched for a query, corrects a page past the end the vendor told to the last', () => {
    const table = defineTableState({ url: true });
    // 2,000 rows at 20 a page: 100 pages.
    expect(table.correct('?page=999&status=paid&tab=2', { size: 20, total: 2000 })).toBe(
      '?page=100&status=paid&tab=2',
    );
    expect(table.correct('?page=7&cursor=abc', { size: 50, pageCount: 3 })).toBe('?page=3');
    // No rows at all: the first page.
    expect(table.correct('?page=4&q=nothing', { size: 20, total: 0 })).toBe('?q=nothing');
    // Within the end, or no totals told (a cursor API): nothing to correct.
    expect(table.correct('?page=100', { size: 20, total: 2000 })).toBeUndefined();
    expect(table.correct('?page=999', { size: 20 })).toBeUndefined();
    expect(table.correct('?page=999', undefined)).toBeUndefined();
    // Refused values and a page past the end, at once.
    expect(table.correct('?page=999&size=abc', { size: 20, total: 45 })).toBe('?page=3');
  });

  it('writes a cursor with the page size it was handed out at, and gives the link that size', () => {
    const table = defineTableState({ url: true });
    const state = { ...table.read(''), pageIndex: 2, cursor: 'c3', cursorPageSize: 20 };
    expect(table.write('', state)).toBe('?page=3&cursor=c3&cursorSize=20');
    expect(table.read('?page=3&cursor=c3&cursorSize=20')).toMatchObject({
      cursor: 'c3',
      cursorPageSize: 20,
    });
    expect(table.pageOf('?page=3&size=50&cursor=c3&cursorSize=20').link).toEqual({
      index: 2,
      cursor: 'c3',
      pageSize: 20,
    });
    // Written without a size (by an app, an older version): taken whole, followed at any size.
    expect(table.pageOf('?page=3&cursor=c3').link).toEqual({ index: 2, cursor: 'c3' });
    // A cursor is its text whole, whatever it looks like; a size beside it that is no size is none.
    expect(table.pageOf('?page=3&cursor=20.5&cursorSize=0x10').link).toEqual({
      index: 2,
      cursor: '20.5',
    });
    // Search and filter text is capped as it is read: what is written reads back the same.
    const long = 'x'.repeat(250);
    expect(table.write('', { ...state, globalFilter: long })).toContain(`q=${'x'.repeat(200)}&`);
    expect(table.write('', { ...state, cursorPageSize: undefined })).toBe('?page=3&cursor=c3');
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
    // The search the source gets is trimmed: blanks alone search for nothing (the field keeps them).
    expect(table.read('?q=%20%20').globalFilter).toBe('  ');
    expect(table.pageOf('?q=%20%20').params).toMatchObject({ search: '' });
    expect(table.pageOf('?q=%20smith%20').params).toMatchObject({ search: 'smith' });
    // A cursor on the first page is no link (page 1 needs none), and is not written back.
    expect(table.pageOf('?cursor=c1').link).toBeUndefined();
    expect(table.write('', { ...state, pageIndex: 0 })).toBe(
      '?size=20&sort=-total&status=paid&q=a',
    );
  });

  it('keeps several tables apart by prefix', () => {
    const a = defineTableState({ url: { prefix: 'a_' } });
    const b = defineTableState({ url: { prefix: 'b_' } });
    const query = '?a_page=2&b_page=9&a_q=x&b_q=y';
    expect(a.read(query)).toMatchObject({ pageIndex: 1, globalFilter: 'x' });
    expect(b.read(query)).toMatchObject({ pageIndex: 8, globalFilter: 'y' });
    // Writing one table keeps the other's parameters (and the page's own) as they were.
    expect(a.write('?tab=2&a_page=2&b_page=9', { ...a.read('?a_page=2'), pageIndex: 0 })).toBe(
      '?tab=2&b_page=9',
    );
  });

  it('caps what a URL can make it hold: four sort columns, ids of 64 characters, 200 characters of text, cursors of 2,048', () => {
    const table = defineTableState({ url: true });
    const long = 'c'.repeat(65);
    const state = table.read(
      `?sort=a,-b,${long},c,d,e&q=${'x'.repeat(500)}&cursor=${'k'.repeat(2049)}&page=2`,
    );
    expect(state.sorting).toEqual([
      { id: 'a', desc: false },
      { id: 'b', desc: true },
      { id: 'c', desc: false },
      { id: 'd', desc: false },
    ]);
    expect(state.globalFilter).toHaveLength(200);
    expect(state.cursor).toBeUndefined();
    expect(table.read(`?cursor=${'k'.repeat(2048)}`).cursor).toHaveLength(2048);
    expect(table.read(`?sort=-${'c'.repeat(64)}`).sorting).toEqual([
      { id: 'c'.repeat(64), desc: true },
    ]);
    // A huge sort parameter is read only up to the cap, never split whole.
    expect(table.read(`?sort=${'s,'.repeat(100_000)}a,b,c,d`).sorting).toHaveLength(4);
  });

  it('writes onto a query in any form, keeping repeated and foreign parameters, without changing it', () => {
    const table = defineTableState({ url: true, filterable: ['status'] });
    const state = {
      ...table.read(''),
      pageIndex: 1,
      columnFilters: [{ id: 'status', value: 'open' }],
    };
    const params = new URLSearchParams('tag=a&tag=b&page=9');
    const record = { tag: ['a', 'b'], page: '9', none: undefined };
    for (const base of ['?tag=a&tag=b&page=9', 'tag=a&tag=b&page=9', params, record])
      expect(table.write(base, state)).toBe('?tag=a&tag=b&page=2&status=open');
    expect(params.toString()).toBe('tag=a&tag=b&page=9');
    expect(record).toEqual({ tag: ['a', 'b'], page: '9', none: undefined });
    // What is written reads back as the same state.
    expect(table.read(table.write(record, state))).toEqual(state);
  });
});
