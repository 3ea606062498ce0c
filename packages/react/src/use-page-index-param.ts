'use client';
import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

/**
 * A zero-based page index kept in the URL's query (`?page=3` is index 2), so a table's page
 * follows the address bar, survives reloads and works with Back/Forward. Pass it to
 * `usePagedTable({ pageIndex, onPageIndexChange })`.
 */
export function usePageIndexParam(name = 'page'): [number, (pageIndex: number) => void] {
  const read = () => {
    if (typeof window === 'undefined') return 0;
    const value = Number(new URLSearchParams(window.location.search).get(name));
    return Number.isInteger(value) && value >= 1 ? value - 1 : 0;
  };
  const pageIndex = useSyncExternalStore(subscribe, read, () => 0);
  const setPageIndex = useCallback(
    (index: number) => {
      const url = new URL(window.location.href);
      if (index <= 0) url.searchParams.delete(name);
      else url.searchParams.set(name, String(index + 1));
      window.history.pushState(window.history.state, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    [name],
  );
  return [pageIndex, setPageIndex];
}
