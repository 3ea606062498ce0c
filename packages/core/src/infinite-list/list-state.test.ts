import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import type { ListSnapshot } from './list-cache.js';
import type { ListPage } from './list-page.js';
import { canFetch, deriveListState, type ListFacts, listChanged } from './list-state.js';

type Item = { id: string };
const page = (ids: string[], next: string | null, prev: string | null = null): ListPage<Item> => ({
  items: ids.map((id) => ({ id })),
  next,
  prev,
  cursor: null,
  direction: 'after',
  size: ids.length,
});
const snapshot = (
  pages: ListPage<Item>[] | undefined,
  more: Partial<ListSnapshot<Item>> = {},
): ListSnapshot<Item> => ({
  data: pages && { pages, pageParams: pages.map(() => ({ cursor: null, direction: 'after' })) },
  error: null,
  failed: undefined,
  fetching: undefined,
  isPlaceholderData: false,
  stale: false,
  ...more,
});
const facts = (s: ListSnapshot<Item>, more: Partial<ListFacts<Item>> = {}): ListFacts<Item> => ({
  snapshot: s,
  key: (item) => item.id,
  nextParam: (last) => (last.next === null ? undefined : { cursor: last.next, direction: 'after' }),
  previousParam: (first) =>
    first.prev === null || first.prev === undefined
      ? undefined
      : { cursor: first.prev, direction: 'before' },
  refreshing: false,
  edgeError: null,
  around: undefined,
  ...more,
});

describe('list state', () => {
  it('is loading with nothing yet, one stable empty list of items', () => {
    const a = deriveListState(facts(snapshot(undefined, { fetching: 'all' })), undefined);
    const b = deriveListState(facts(snapshot(undefined)), a);
    expect(a).toMatchObject({ isLoading: true, isFetching: true, hasNextPage: false });
    expect(b).toMatchObject({ isLoading: false, isFetching: false });
    expect(b.items).toBe(a.items);
  });

  it('keeps the same items array while the pages are the same, and says what the ends offer', () => {
    const pages = [page(['a', 'b'], 'c1', 'p0')];
    const first = deriveListState(facts(snapshot(pages)), undefined);
    const fetching = deriveListState(facts(snapshot(pages, { fetching: 'next' })), first);
    expect(first).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(fetching.items).toBe(first.items);
    expect(fetching).toMatchObject({ isFetchingNextPage: true, isLoading: false });
    expect(listChanged(first, fetching)).toBe(true);
    expect(listChanged(first, deriveListState(facts(snapshot(pages)), first))).toBe(false);
  });

  it('counts the items prepended (newer messages above), and keeps the count until the next change', () => {
    const before = deriveListState(facts(snapshot([page(['c', 'd'], null)])), undefined);
    const pages = [page(['a', 'b'], 'x'), page(['c', 'd'], null)];
    const after = deriveListState(facts(snapshot(pages)), before);
    expect(after.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(after.prependedCount).toBe(2);
    expect(
      deriveListState(facts(snapshot(pages, { fetching: 'next' })), after).prependedCount,
    ).toBe(2);
  });

  it('a placeholder (the last list’s pages) offers no page to follow', () => {
    const held = snapshot([page(['a'], 'n', 'p')], { isPlaceholderData: true, fetching: 'all' });
    expect(deriveListState(facts(held), undefined)).toMatchObject({
      isPlaceholderData: true,
      hasNextPage: false,
      hasPreviousPage: false,
    });
  });

  it('says which aroundKey the items shown were read around: a placeholder keeps the last list’s', () => {
    const pages = [page(['a'], 'n')];
    const landed = deriveListState(facts(snapshot(pages), { around: '7' }), undefined);
    expect(landed.aroundKey).toBe('7');
    // A jump to 9: until its first page lands, the items (and the key) are still 7's.
    const held = snapshot(pages, { isPlaceholderData: true, fetching: 'all' });
    expect(deriveListState(facts(held, { around: '9' }), landed).aroundKey).toBe('7');
    const jumped = deriveListState(facts(snapshot([page(['b'], 'n')]), { around: '9' }), landed);
    expect(jumped.aroundKey).toBe('9');
    // Back to the start.
    expect(deriveListState(facts(snapshot(pages)), jumped).aroundKey).toBeUndefined();
  });

  it('merges errors: the cache’s, else a page that stopped the list, else the edge refresh’s', () => {
    const edge = new PaginationError('NETWORK', 'edge down', { provider: 'x' });
    const stop = new PaginationError('CURSOR_LOOP', 'loop', { provider: 'x' });
    const failed = new PaginationError('BAD_RESPONSE', 'bad', { provider: 'x' });
    const stopped = [{ ...page(['a'], 'n'), stop }];
    expect(deriveListState(facts(snapshot(stopped), { edgeError: edge }), undefined).error).toBe(
      stop,
    );
    expect(
      deriveListState(facts(snapshot(stopped, { error: failed }), { edgeError: edge }), undefined)
        .error,
    ).toBe(failed);
    expect(
      deriveListState(facts(snapshot([page(['a'], 'n')]), { edgeError: edge }), undefined).error,
    ).toBe(edge);
  });

  it('may fetch at an edge only with its own pages, nothing in flight, no failure there, and a page to follow', () => {
    const pages = [page(['a'], 'n', 'p')];
    const f = facts(snapshot(pages));
    expect(canFetch(snapshot(pages), f, 'next')).toBe(true);
    expect(canFetch(snapshot(pages), f, 'previous')).toBe(true);
    expect(canFetch(snapshot(pages, { fetching: 'previous' }), f, 'next')).toBe(false);
    expect(canFetch(snapshot(pages, { failed: 'next' }), f, 'next')).toBe(false);
    expect(canFetch(snapshot(pages, { failed: 'next' }), f, 'previous')).toBe(true);
    expect(canFetch(snapshot(pages, { isPlaceholderData: true }), f, 'next')).toBe(false);
    expect(canFetch(snapshot([page(['a'], null)]), f, 'next')).toBe(false);
    expect(canFetch(snapshot(undefined), f, 'next')).toBe(false);
    const failed = deriveListState(facts(snapshot(pages, { failed: 'next' })), undefined);
    expect(failed).toMatchObject({ isFetchNextPageError: true, isFetchPreviousPageError: false });
  });
});
