'use client';
import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * Keeps the visible item where it was when items are added above it (loading older chat
 * messages, a refreshed head): the scroll container's `scrollTop` moves by the height added.
 * For a virtualized list, use `prependedCount` from `useInfiniteList` with the virtualizer instead.
 */
export function useKeepScrollOnPrepend(
  container: RefObject<HTMLElement | null>,
  firstKey: string | undefined,
): void {
  const last = useRef<{ key: string | undefined; height: number }>({ key: undefined, height: 0 });
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const previous = last.current;
    if (
      previous.key !== undefined &&
      firstKey !== previous.key &&
      element.scrollHeight > previous.height
    ) {
      element.scrollTop += element.scrollHeight - previous.height;
    }
    last.current = { key: firstKey, height: element.scrollHeight };
  });
}
