import type { InfiniteList } from '@pagewise/react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ListView } from './list-view.js';

const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('item text from a vendor', () => {
  it('is rendered as text, never as markup', () => {
    const list = {
      items: [{ id: '1', name: hostile }],
      pages: [],
      hasNextPage: false,
      hasPreviousPage: false,
      isLoading: false,
      isFetching: false,
      isFetchingNextPage: false,
      isFetchingPreviousPage: false,
      isFetchNextPageError: false,
      isFetchPreviousPageError: false,
      isPlaceholderData: false,
      refetch: async () => {},
      error: null,
      retrying: undefined,
      offline: false,
      prependedCount: 0,
      fetchNextPage: async () => {},
      fetchPreviousPage: async () => {},
      refreshNewest: async () => {},
      isRefreshingNewest: false,
      retry: () => {},
      itemKey: (i: { id: string; name: string }) => i.id,
    } satisfies InfiniteList<{ id: string; name: string }>;
    const { container } = render(<ListView list={list} label="Hostile" render={(i) => i.name} />);
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
