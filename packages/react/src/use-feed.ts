'use client';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useAnnouncement } from './use-announcement.js';
import type { Feed, FeedItemProps, FeedMessages, UseFeedOptions } from './use-feed.types.js';

const ENGLISH: Required<FeedMessages> = {
  more: (n) => `${n} more ${n === 1 ? 'item' : 'items'}`,
  earlier: (n) => `${n} earlier ${n === 1 ? 'item' : 'items'}`,
  end: 'End of list',
  failed: (reason) => `Could not load more: ${reason}`,
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * An infinite list as a WAI-ARIA feed (APG feed pattern), from `useInfiniteList`: the container
 * is `role="feed"` with `aria-busy` while a page loads; each item is a focusable article with
 * `aria-posinset` and `aria-setsize` (`-1` until the end is known); Page Down / Page Up move
 * between items (loading the next page at the end), Ctrl+End / Ctrl+Home leave the feed. One
 * polite announcement per landed change ("20 more items", "End of list"), never while loading.
 * Load buttons stay focusable while loading, so focus is never dropped to the page.
 */
export function useFeed<T>(options: UseFeedOptions<T>): Feed {
  const { list, itemKey } = options;
  const text = { ...ENGLISH, ...options.messages };
  const reversed = options.reversed ?? false;
  const container = useRef<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useAnnouncement();

  // What the last render showed, to tell what landed.
  const seen = useRef<{
    first?: string;
    last?: string;
    count: number;
    end: boolean;
    error: unknown;
  }>({
    count: -1,
    end: false,
    error: null,
  });
  /** After a load from a button or Page Down, where focus goes once the items land. */
  const pendingFocus = useRef<{
    where: 'start' | 'end';
    anchor: string | undefined;
    /** The items when the load was asked for: focus moves once they changed. */
    items: unknown;
  } | null>(null);
  /** An item brought into the DOM to be focused (a virtualized feed): focused once rendered. */
  const focusOnRender = useRef<string | null>(null);
  // Items dropped from the start by a `maxPages` window, so positions stay absolute (state from
  // the previous render, React's pattern for values derived from a change).
  const [held, setHeld] = useState({ items: list.items, dropped: 0 });
  const prepended = list.prependedCount;
  if (held.items !== list.items)
    setHeld({ items: list.items, dropped: Math.max(0, held.dropped - prepended) });
  const dropped = held.dropped;

  const firstKey = list.items[0] !== undefined ? itemKey(list.items[0]) : undefined;
  const lastItem = list.items[list.items.length - 1];
  const lastKey = lastItem !== undefined ? itemKey(lastItem) : undefined;
  const ended = !list.hasNextPage && !list.isLoading && list.items.length > 0;

  useEffect(() => {
    const waiting = focusOnRender.current;
    // Focused once rendered — or forgotten when the item left the list.
    if (waiting !== null && (focusRendered(waiting) || !shownKeys().includes(waiting)))
      focusOnRender.current = null;
  });
  useEffect(() => {
    const before = seen.current;
    seen.current = {
      first: firstKey,
      last: lastKey,
      count: list.items.length,
      end: ended,
      error: list.error,
    };
    if (before.count < 0 || list.isPlaceholderData) return; // the first page is read as the page
    if (list.error && list.error !== before.error) {
      setAnnouncement(text.failed(list.error.reason ?? list.error.message));
      return;
    }
    const sentences: string[] = [];
    // Items that landed before the first one (data order) and after the last one.
    const atStart = firstKey !== before.first && prepended > 0 ? prepended : 0;
    let atEnd = 0;
    if (lastKey !== before.last && before.last !== undefined) {
      const at = list.items.findIndex((i) => itemKey(i) === before.last);
      atEnd = at < 0 ? 0 : list.items.length - 1 - at;
    }
    // Said as the user sees it: at the top (earlier) or at the bottom (more).
    const top = reversed ? atEnd : atStart;
    const bottom = reversed ? atStart : atEnd;
    if (top > 0) sentences.push(text.earlier(top));
    if (bottom > 0) sentences.push(text.more(bottom));
    if (ended && !before.end) sentences.push(text.end);
    if (sentences.length > 0) setAnnouncement(sentences.join('. '));
    // Focus that a load asked for: the item just past where reading was.
    const pending = pendingFocus.current;
    if (pending && list.error) pendingFocus.current = null;
    else if (pending && !list.isFetching && pending.items !== list.items) {
      pendingFocus.current = null;
      const keys = list.items.map(itemKey);
      const anchor = pending.anchor === undefined ? -1 : keys.indexOf(pending.anchor);
      // In data order, 'end' loads come after the anchor, 'start' loads before it (mirrored when reversed).
      const dataWhere = reversed ? (pending.where === 'end' ? 'start' : 'end') : pending.where;
      const target =
        dataWhere === 'end' ? keys[anchor + 1] : anchor > 0 ? keys[anchor - 1] : undefined;
      if (target !== undefined) focusByKey(target);
    }
  });

  function articles(): HTMLElement[] {
    return container.current
      ? [...container.current.querySelectorAll<HTMLElement>('[role="article"]')]
      : [];
  }
  /** The keys in the order shown. */
  const shownKeys = () => {
    const keys = list.items.map(itemKey);
    return reversed ? keys.reverse() : keys;
  };
  /** Focuses the item's article when it is in the DOM. */
  function focusRendered(key: string): boolean {
    const element = articles().find((a) => a.dataset.feedKey === key);
    if (!element) return false;
    element.focus({ preventScroll: true });
    element.scrollIntoView?.({ block: 'nearest' });
    return true;
  }
  /** Focuses an item; one not in the DOM (a virtualized feed) is brought in and focused once rendered. */
  function focusByKey(key: string): boolean {
    if (focusRendered(key)) return true;
    const index = shownKeys().indexOf(key);
    if (index < 0 || !options.scrollToIndex) return false;
    focusOnRender.current = key;
    options.scrollToIndex(index);
    return true;
  }
  /** The next or previous focusable element outside the feed (Ctrl+End, Ctrl+Home). */
  function leave(direction: 1 | -1) {
    const feed = container.current;
    if (!feed) return;
    const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const outside = all.filter((e) => !feed.contains(e));
    const target =
      direction === 1
        ? outside.find((e) => feed.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)
        : outside
            .reverse()
            .find((e) => feed.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING);
    target?.focus();
  }
  const load = (where: 'start' | 'end') => {
    const dataWhere = reversed ? (where === 'end' ? 'start' : 'end') : where;
    if (dataWhere === 'end') {
      if (!list.hasNextPage || list.isFetching) return false;
      void list.fetchNextPage();
    } else {
      if (!list.hasPreviousPage || list.isFetching) return false;
      void list.fetchPreviousPage();
    }
    return true;
  };
  const shownEdgeKey = (where: 'start' | 'end') => {
    const start = reversed ? lastKey : firstKey;
    const end = reversed ? firstKey : lastKey;
    return where === 'start' ? start : end;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey && (event.key === 'End' || event.key === 'Home')) {
      event.preventDefault();
      leave(event.key === 'End' ? 1 : -1);
      return;
    }
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="article"]');
    if (!current) return;
    event.preventDefault();
    const keys = shownKeys();
    const at = keys.indexOf(current.dataset.feedKey ?? '');
    if (at < 0) return;
    const target = keys[at + (event.key === 'PageDown' ? 1 : -1)];
    if (target !== undefined) {
      focusByKey(target);
      return;
    }
    // At an edge: load more there, and focus the first item that lands.
    const where = event.key === 'PageDown' ? 'end' : 'start';
    if (load(where))
      pendingFocus.current = { where, anchor: current.dataset.feedKey, items: list.items };
  };

  const setSize =
    options.total ??
    (list.hasNextPage || list.hasPreviousPage || list.isLoading ? -1 : dropped + list.items.length);

  return {
    announcement,
    getFeedProps: (own) => ({
      role: 'feed',
      'aria-label': options.label,
      'aria-busy': list.isFetching,
      // The feed's element, also handed to the app's own ref (a scroll container, a measure).
      ref: (element: HTMLElement | null) => {
        container.current = element;
        if (typeof own?.ref === 'function') own.ref(element);
        else if (own?.ref) own.ref.current = element;
      },
      onKeyDown,
    }),
    getItemProps: (item, index): FeedItemProps => {
      const position = reversed ? index + 1 : dropped + index + 1;
      return {
        role: 'article',
        tabIndex: 0,
        'aria-posinset': position,
        'aria-setsize': setSize,
        'data-feed-key': itemKey(item as T),
      };
    },
    getLoadProps: (where) => {
      const dataWhere = reversed ? (where === 'end' ? 'start' : 'end') : where;
      const can = dataWhere === 'end' ? list.hasNextPage : list.hasPreviousPage;
      return {
        type: 'button',
        'aria-disabled': !can || list.isFetching,
        onClick: () => {
          const anchor = shownEdgeKey(where);
          // Focus stays on an end button (it stays where it is); a start button moves focus to
          // the items that land above it, as the content it was reading from moves down.
          if (load(where) && where === 'start')
            pendingFocus.current = { where, anchor, items: list.items };
        },
      };
    },
    focusItem: focusByKey,
  };
}
