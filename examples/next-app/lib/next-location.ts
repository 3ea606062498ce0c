'use client';
import type { TableLocation } from '@pagewise/react';
import { useSearchParams } from 'next/navigation';

/**
 * The URL as Next's App Router has it, for `useTableState`: the query from `useSearchParams()`
 * (so the table follows every `<Link>` and Back/Forward, and renders on the server with the
 * request's query), written with `window.history.pushState`, which Next folds into its router
 * without a round trip to the server.
 */
export function useNextLocation(): TableLocation {
  const query = useSearchParams().toString();
  return {
    search: query ? `?${query}` : '',
    navigate: (search, { replace }) =>
      window.history[replace ? 'replaceState' : 'pushState'](
        null,
        '',
        `${window.location.pathname}${search}`,
      ),
  };
}
