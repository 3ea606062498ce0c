'use client';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

interface Anchor {
  element: Element;
  /** Its top within the scrolled content, and the container's scrollTop, when last seen. */
  position: number;
  scrollTop: number;
}

/** Where an element sits within a scroll container's content. */
const positionIn = (container: HTMLElement, element: Element) =>
  element.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;

/**
 * The first item whose bottom is in view. Items are the most numerous elements one or two levels
 * down (messages directly in the container, or `li`s in a list); they stack in document order, so
 * a binary search finds it without measuring every item above the view. Sentinels are skipped.
 */
function firstVisible(container: HTMLElement): Element | undefined {
  const children = container.querySelectorAll(':scope > *');
  const grandchildren = container.querySelectorAll(':scope > * > *');
  const items = grandchildren.length > children.length ? grandchildren : children;
  const top = container.getBoundingClientRect().top;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.getBoundingClientRect().bottom > top) hi = mid;
    else lo = mid + 1;
  }
  // A sentinel (a pixel-high element that loads more) is not an item to hold in place.
  while (lo < items.length - 1 && items[lo]!.getBoundingClientRect().height < 2) lo++;
  return items[lo];
}

/**
 * Keeps the item in view where it was when items are added above it (older chat messages, a
 * refreshed head) or removed above it (a `maxPages` window dropping rows): the item the user
 * sees first is remembered (on scroll and after each render), and when the first item of the
 * list changes, the container scrolls so that item is exactly where it was. It sets the position
 * rather than adding a height, so a browser that anchors by itself (Chromium's scroll anchoring)
 * is not corrected twice. Pass the list from `useInfiniteList` (and `reversed` when it is shown
 * newest at the bottom). For a virtualized list, use
 * `useVirtualFeed` (`@pagewise/react/virtual`).
 */
export function useKeepScrollOnPrepend<T>(
  container: RefObject<HTMLElement | null>,
  list: { items: readonly T[]; itemKey(item: T): string },
  options: {
    /**
     * The items are shown in reverse order (a chat: newest-first data, oldest at the top): the
     * first item on screen is the list's last. @defaultValue false
     */
    reversed?: boolean | undefined;
  } = {},
): void {
  const head = options.reversed ? list.items[list.items.length - 1] : list.items[0];
  const firstKey = head === undefined ? undefined : list.itemKey(head);
  const anchor = useRef<Anchor | null>(null);
  const lastKey = useRef(firstKey);
  const remember = () => {
    const element = container.current;
    const seen = element && firstVisible(element);
    anchor.current =
      element && seen
        ? { element: seen, position: positionIn(element, seen), scrollTop: element.scrollTop }
        : null;
  };
  useLayoutEffect(() => {
    const element = container.current;
    const held = anchor.current;
    // The first items arriving in an empty list are not added above anything: the view stays at
    // the top (held there, a sentinel or button after the items would scroll the list away).
    const prepended = lastKey.current !== undefined && firstKey !== lastKey.current;
    if (element && held && prepended && held.element.isConnected) {
      const target = held.scrollTop + positionIn(element, held.element) - held.position;
      if (Math.abs(element.scrollTop - target) >= 0.5) element.scrollTop = target;
    }
    lastKey.current = firstKey;
    remember();
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the container element is read when it scrolls
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    element.addEventListener('scroll', remember, { passive: true });
    return () => element.removeEventListener('scroll', remember);
  }, [container.current]);
}
