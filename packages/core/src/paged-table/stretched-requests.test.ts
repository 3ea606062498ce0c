import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import type { FetchedPage } from '../runner/runner-types.js';
import type { PageEntry } from './page-cache.js';
import { type PageKey, pageKeyText, type WantedPage } from './page-key.js';
import { type CacheRead, createStretchedRequests } from './stretched-requests.js';

const key = (cursor: string | null, size = 20): PageKey => ({
  scope: ['s'],
  cursor,
  direction: 'after',
  size,
});
const stretched = (index: number, cursor: string | null, span: number): WantedPage => ({
  index,
  key: key(cursor, 20 * span),
  span,
});
/** A cache of entries by key text, and page cursors by index. */
function cache(entries: Record<string, PageEntry<unknown>>, cursors: Record<number, string> = {}) {
  const read: CacheRead = {
    entry: (k) => entries[pageKeyText(k)],
    keyAt: (i) => (cursors[i] === undefined ? undefined : key(cursors[i]!)),
  };
  return read;
}
const page: FetchedPage<unknown> = {
  items: [],
  next: null,
  cursor: null,
  direction: 'after',
  size: 20,
};

describe('stretched requests', () => {
  it('remembers each key once and at most 8', () => {
    const book = createStretchedRequests();
    const first = stretched(1, 'a', 3);
    book.remember(first);
    book.remember({ ...first });
    for (let i = 0; i < 9; i++) book.remember(stretched(10 + i, `c${i}`, 2));
    const read = cache(
      Object.fromEntries([
        [pageKeyText(first.key), { fetching: true }],
        [pageKeyText(stretched(18, 'c8', 2).key), { fetching: true }],
      ]),
    );
    expect(book.bringing(2, read)).toBeUndefined(); // forgotten: the 9 after it pushed it out
    expect(book.bringing(19, read)?.index).toBe(18);
  });

  it('brings a page it covers while fetching, unless that page is in the cache by itself', () => {
    const book = createStretchedRequests();
    const s = book.remember(stretched(2, 'b', 3));
    const fetching = { [pageKeyText(s.key)]: { fetching: true } };
    expect(book.bringing(1, cache(fetching))).toBeUndefined();
    expect(book.bringing(3, cache(fetching))).toBe(s);
    expect(book.bringing(5, cache(fetching))).toBeUndefined();
    const own = { ...fetching, [pageKeyText(key('d'))]: { page, fetching: false } };
    expect(book.bringing(3, cache(own, { 3: 'd' }))).toBeUndefined();
    expect(book.bringing(3, cache({ [pageKeyText(s.key)]: { fetching: false } }))).toBeUndefined();
  });

  it('settles: hands back what landed, forgets what failed or is of another scope, keeps what is on its way', () => {
    const book = createStretchedRequests();
    const landed = book.remember(stretched(1, 'a', 2));
    const failed = book.remember(stretched(3, 'b', 2));
    const away = book.remember(stretched(5, 'c', 2));
    const old = book.remember(stretched(7, 'd', 2));
    const read = cache({
      [pageKeyText(landed.key)]: { page, fetching: false },
      [pageKeyText(failed.key)]: {
        error: new PaginationError('NETWORK', 'down', { provider: 't' }),
        fetching: false,
      },
      [pageKeyText(away.key)]: { fetching: true },
    });
    // Held while nobody reads the table: the landed one stays to be split later.
    expect(book.settle((s) => s !== old, read, true)).toEqual([]);
    expect(book.settle((s) => s !== old, read, false)).toEqual([landed]);
    expect(book.settle(() => true, read, false)).toEqual([]);
    expect(book.bringing(6, cache({ [pageKeyText(away.key)]: { fetching: true } }))).toBe(away);
  });
});
