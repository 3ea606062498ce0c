import { describe, expect, it } from 'vitest';
import { defineTableState } from './table-state-definition.js';
import { withTypedSearch } from './typed-search.js';

const table = defineTableState({ url: true });
const applied = table.read('?page=3&cursor=c3&q=li');

describe('withTypedSearch', () => {
  it('a page turned while a search is typed takes the search, and drops the old results’ cursor', () => {
    const change = { ...applied, pageIndex: 4, cursor: 'c5' };
    expect(withTypedSearch(change, applied, 'lin', false)).toMatchObject({
      pageIndex: 4,
      globalFilter: 'lin',
      cursor: undefined,
    });
  });

  it('leaves a change alone when nothing is pending, the change is the search itself, or the table corrects in place', () => {
    const change = { ...applied, pageIndex: 4 };
    expect(withTypedSearch(change, applied, 'li', false)).toBe(change);
    const search = { ...applied, globalFilter: 'lin', pageIndex: 0 };
    expect(withTypedSearch(search, applied, 'lint', false)).toBe(search);
    expect(withTypedSearch(change, applied, 'lin', true)).toBe(change);
  });
});
