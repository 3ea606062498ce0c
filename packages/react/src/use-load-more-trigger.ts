import { useCallback, useEffect, useRef } from 'react';

export interface UseLoadMoreTriggerOptions {
  /** Called when the sentinel comes into view (within `rootMargin`) and more can be loaded. */
  onLoadMore(): void;
  /** Whether there is more to load in this direction. */
  hasMore: boolean;
  /** Whether a page is loading now (no second fetch is started meanwhile). */
  isLoading: boolean;
  /** How far ahead of the viewport to start loading (default `'400px'`): the prefetch distance. */
  rootMargin?: string;
  /** The scroll container (default: the viewport). */
  root?: Element | null;
  enabled?: boolean;
}

/**
 * An IntersectionObserver sentinel: put the returned ref on an element at the end (or the start)
 * of a list. It loads when the sentinel nears the viewport, never while a page is loading, never
 * after the end, and again when a page lands while the sentinel is still in view. Where there is
 * no IntersectionObserver (old browsers, SSR), it does nothing.
 */
export function useLoadMoreTrigger(
  options: UseLoadMoreTriggerOptions,
): (element: Element | null) => void {
  const latest = useRef(options);
  latest.current = options;
  const visible = useRef(false);
  const observer = useRef<IntersectionObserver | null>(null);

  const maybeLoad = useCallback(() => {
    const o = latest.current;
    if (visible.current && o.hasMore && !o.isLoading && o.enabled !== false) o.onLoadMore();
  }, []);

  const ref = useCallback(
    (element: Element | null) => {
      observer.current?.disconnect();
      observer.current = null;
      visible.current = false;
      if (!element || typeof IntersectionObserver === 'undefined') return;
      observer.current = new IntersectionObserver(
        (entries) => {
          visible.current = entries.some((e) => e.isIntersecting);
          maybeLoad();
        },
        { root: latest.current.root ?? null, rootMargin: latest.current.rootMargin ?? '400px' },
      );
      observer.current.observe(element);
    },
    [maybeLoad],
  );

  // A page landed (or the end moved) while the sentinel is still in view: load on.
  const { isLoading, hasMore } = options;
  useEffect(() => {
    if (!isLoading && hasMore) maybeLoad();
  }, [isLoading, hasMore, maybeLoad]);
  useEffect(() => () => observer.current?.disconnect(), []);

  return ref;
}
