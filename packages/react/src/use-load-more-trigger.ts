'use client';
import { useCallback, useEffect, useRef } from 'react';
import type { InfiniteList } from './use-infinite-list.types.js';

export interface UseLoadMoreTriggerOptions {
  /**
   * Which end of the list the sentinel sits at: `'end'` loads the next pages, `'start'` the
   * previous ones (older messages above a chat that opened around an item).
   * @defaultValue 'end'
   */
  edge?: 'start' | 'end' | undefined;
  /** How far ahead of the viewport to start loading, the prefetch distance. @defaultValue '400px' */
  rootMargin?: string | undefined;
  /** The scroll container. @defaultValue the viewport */
  root?: Element | null | undefined;
  /** @defaultValue true */
  enabled?: boolean | undefined;
}

/**
 * An IntersectionObserver sentinel: put the returned ref on an element at the end (or the start)
 * of a list. It loads when the sentinel nears the view — one page each time: when a page has
 * landed it asks the observer where the sentinel is now, and loads again only if it is still in
 * view (a short page), never on the stale "in view" from before the page grew the list. Never
 * while a page is loading, never after the end. Where there is no IntersectionObserver (old
 * browsers, a server), it does nothing.
 */
export function useLoadMoreTrigger(
  list: Pick<
    InfiniteList<unknown>,
    'hasNextPage' | 'hasPreviousPage' | 'isFetching' | 'fetchNextPage' | 'fetchPreviousPage'
  >,
  options: UseLoadMoreTriggerOptions = {},
): (element: Element | null) => void {
  const atStart = options.edge === 'start';
  const now = {
    enabled: options.enabled,
    hasMore: atStart ? list.hasPreviousPage : list.hasNextPage,
    isLoading: list.isFetching,
    onLoadMore: () => void (atStart ? list.fetchPreviousPage() : list.fetchNextPage()),
  };
  const latest = useRef(now);
  latest.current = now;
  const observed = useRef<{ observer: IntersectionObserver; element: Element } | null>(null);

  // A new root or margin (a scroll container held in state arrives a render later) makes a new
  // ref callback: React hands it the sentinel again, and the observer is built over the new root.
  const root = options.root ?? null;
  const rootMargin = options.rootMargin ?? '400px';
  const ref = useCallback(
    (element: Element | null) => {
      observed.current?.observer.disconnect();
      observed.current = null;
      if (!element || typeof IntersectionObserver === 'undefined') return;
      const observer = new IntersectionObserver(
        (entries) => {
          const o = latest.current;
          if (
            entries.some((e) => e.isIntersecting) &&
            o.hasMore &&
            !o.isLoading &&
            o.enabled !== false
          )
            o.onLoadMore();
        },
        { root, rootMargin },
      );
      observer.observe(element);
      observed.current = { observer, element };
    },
    [root, rootMargin],
  );

  // A page landed, or more became loadable at this edge (a live refresh that brought a full page
  // says newer ones lie beyond, while the sentinel never left the view): where is the sentinel
  // now? Observing afresh reports its current position.
  const isLoading = list.isFetching;
  const { hasMore } = now;
  const was = useRef({ isLoading, hasMore });
  useEffect(() => {
    const before = was.current;
    const landed = before.isLoading && !isLoading;
    const opened = !before.hasMore && hasMore && !isLoading;
    if ((landed || opened) && observed.current) {
      const { observer, element } = observed.current;
      observer.unobserve(element);
      observer.observe(element);
    }
    was.current = { isLoading, hasMore };
  }, [isLoading, hasMore]);
  useEffect(() => () => observed.current?.observer.disconnect(), []);

  return ref;
}
