import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../runner/runner-types.js';
import { createPageBook, learnPage } from './page-book.js';
import { deriveTableState, pageCountOf, shownChanged, type TableFacts } from './table-state.js';

const page = (cursor: string | null, next: string | null, total?: number): FetchedPage<number> => ({
  items: [1, 2, 3],
  next,
  cursor,
  direction: 'after',
  size: 3,
  ...(total === undefined ? {} : { total }),
});
const key = { scope: ['s'], cursor: null, direction: 'after' as const, size: 3 };
function facts(overrides: Partial<TableFacts<number>> = {}): TableFacts<number> {
  return {
    book: createPageBook({ kind: 'cursor' }, 3),
    requested: 0,
    pageSize: 3,
    shown: undefined,
    onScreen: false,
    step: { index: 0, key, span: 1 },
    stepEntry: undefined,
    wanted: [],
    reason: () => undefined,
    estimate: () => undefined,
    ...overrides,
  };
}

describe('table state', () => {
  it('a table with nothing yet is loading, with one empty rows array every time', () => {
    const wanted = [{ index: 0, key, span: 1 }];
    const a = deriveTableState(facts({ wanted }));
    const b = deriveTableState(facts({ wanted }));
    expect(a).toMatchObject({ isLoading: true, pageCount: -1, canNextPage: false, rows: [] });
    expect(a.rows).toBe(b.rows);
    expect(shownChanged(a, b)).toBe(false);
    // Nothing wanted (`enabled: false`): nothing will come, so it is not loading.
    expect(deriveTableState(facts())).toMatchObject({ isLoading: false, isFetching: false });
  });

  it('keeps the shown page while another loads, and says why it failed', () => {
    const shown = { index: 0, page: page(null, 'A') };
    const loading = deriveTableState(
      facts({
        requested: 1,
        shown,
        step: { index: 1, key, span: 1 },
        stepEntry: { fetching: true },
      }),
    );
    expect(loading).toMatchObject({
      shownPageIndex: 0,
      pageIndex: 1,
      isPlaceholderData: true,
      isFetching: true,
      isWalking: false,
      error: null,
    });
    const error = new Error('down') as never;
    const failed = deriveTableState(
      facts({
        requested: 1,
        shown,
        step: { index: 1, key, span: 1 },
        stepEntry: { fetching: false, error },
      }),
    );
    expect(failed).toMatchObject({ error, isLoading: false, rows: [1, 2, 3] });
  });

  it('is walking while a step toward a page is not the page itself', () => {
    const state = deriveTableState(facts({ requested: 5, step: { index: 2, key, span: 1 } }));
    expect(state.isWalking).toBe(true);
  });

  it('knows the count from the vendor, or from a page seen to be the last', () => {
    const book = createPageBook({ kind: 'cursor' }, 3);
    expect(pageCountOf(book)).toBe(-1);
    learnPage(book, 0, page(null, 'A', 30));
    expect(pageCountOf(book)).toBe(10);
    learnPage(book, 1, page('A', null));
    expect(pageCountOf(book)).toBe(2);
  });

  it('asks the reasons for Previous, Next and Last', () => {
    const book = createPageBook({ kind: 'page', firstPage: 1 }, 3);
    learnPage(book, 0, page('1', '2', 30));
    const shown = { index: 4, page: page('5', '6') };
    const asked: Array<[number, boolean | undefined]> = [];
    deriveTableState(
      facts({
        book,
        requested: 4,
        shown,
        onScreen: true,
        reason: (i, step) => {
          asked.push([i, step]);
          return i === 3 ? 'no' : undefined;
        },
      }),
    );
    expect(asked.sort(([a], [b]) => a - b)).toEqual([
      [3, undefined],
      [5, true],
      [9, undefined],
    ]);
  });
});
