'use client';
import type { FeedMessages } from '@pagewise/core/controllers';
import {
  defaultRangeExtractor,
  useVirtualizer,
  type VirtualItem,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useEffect, useRef } from 'react';
import { useFeed } from './use-feed.js';
import type { Feed, FeedItemProps } from './use-feed.types.js';
import type { InfiniteList } from './use-infinite-list.types.js';

export interface UseVirtualFeedOptions<T> {
  /** The list, from `useInfiniteList` (its items are keyed by its source). */
  list: InfiniteList<T>;
  /** The feed's accessible name. */
  label: string;
  /** The scrolling element (a fixed-height box with `overflow: auto`). */
  scrollElement: RefObject<HTMLElement | null>;
  /** A first guess at a row's height, in px; rows are measured once rendered. @defaultValue 40 */
  estimateSize?: number | undefined;
  /**
   * A chat: the list's next pages (older messages) go at the top, the newest item sits at the
   * bottom, the view opens at the bottom and stays there as messages arrive while the user is
   * at the bottom (scrolled up, it stays where the user is). For newest-first sources, whose
   * items the chat shows in reverse.
   * @defaultValue false
   */
  chat?: boolean | undefined;
  /** Load when the view comes within this many rows of an end. @defaultValue 10 */
  loadThreshold?: number | undefined;
  /** Rows rendered beyond the view on each side. @defaultValue 8 */
  overscan?: number | undefined;
  /** How many items there are in all, when the API says. @defaultValue unknown until the end */
  total?: number | undefined;
  /** The live region's sentences. @defaultValue English */
  messages?: Partial<FeedMessages> | undefined;
}

/** One rendered row: its item, where it goes, and the props for its element. */
export interface VirtualFeedRow<T> {
  item: T;
  key: string;
  /** The virtualizer's row (`start`, `size`, `index`). */
  virtual: VirtualItem;
  /** Spread on the row's element: feed article props, `data-index`, and the measuring ref. */
  props: FeedItemProps & { 'data-index': number; ref(element: Element | null): void };
}

export interface VirtualFeed<T> extends Feed<T> {
  /** The rows to render now, in the order shown. */
  rows: VirtualFeedRow<T>[];
  /** The height of the whole list, in px: the inner box's height. */
  totalSize: number;
  /** The TanStack Virtual instance, for anything else (`scrollToIndex`, `measure`). */
  virtualizer: Virtualizer<HTMLElement, Element>;
  /** The items in the order shown (reversed for a chat). */
  shown: T[];
}

/**
 * A virtualized infinite list wired by the kit, over TanStack Virtual (an optional peer):
 * rows of any height are measured; when items arrive above the view (older messages, a
 * `maxPages` window dropping rows) the row in view stays where it is (keyed anchoring); loads
 * start from the virtualizer's range, after layout, at most once per landed page in each
 * direction; a chat opens at the bottom and follows new messages while the user is there. The
 * feed semantics of `useFeed` come with it: articles with `aria-posinset`/`aria-setsize`, Page
 * Up/Down (bringing rows into the DOM as needed), one announcement per landed change.
 */
export function useVirtualFeed<T>(options: UseVirtualFeedOptions<T>): VirtualFeed<T> {
  const { list } = options;
  const { itemKey } = list;
  const chat = options.chat ?? false;
  const shown = chat ? [...list.items].reverse() : list.items;
  const threshold = options.loadThreshold ?? 10;
  // Which row has focus: it is kept rendered (see rangeExtractor).
  const focused = useRef<string | null>(null);
  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count: shown.length,
    getScrollElement: () => options.scrollElement.current,
    estimateSize: () => options.estimateSize ?? 40,
    getItemKey: (index) => {
      const item = shown[index];
      return item === undefined ? index : itemKey(item);
    },
    overscan: options.overscan ?? 8,
    // The focused row stays in the DOM while it is scrolled out of view, so focus is never dropped.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const focusedAt =
        focused.current === null
          ? -1
          : shown.findIndex((item) => itemKey(item) === focused.current);
      if (focusedAt >= 0 && !indexes.includes(focusedAt)) {
        indexes.push(focusedAt);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    // Keyed anchoring: the row in view keeps its place when rows change above it.
    anchorTo: 'end',
    // A chat follows new messages at its live edge only (not after a jump into its history).
    followOnAppend: chat && !list.hasPreviousPage,
  });
  useEffect(() => {
    const element = options.scrollElement.current;
    if (!element) return;
    const onFocus = (event: FocusEvent) => {
      const row = (event.target as Element).closest?.('[data-feed-key]');
      focused.current = row instanceof HTMLElement ? (row.dataset.feedKey ?? null) : null;
    };
    const onBlur = (event: FocusEvent) => {
      if (!element.contains(event.relatedTarget as Node | null)) focused.current = null;
    };
    element.addEventListener('focusin', onFocus);
    element.addEventListener('focusout', onBlur);
    return () => {
      element.removeEventListener('focusin', onFocus);
      element.removeEventListener('focusout', onBlur);
    };
  });
  const feed = useFeed({
    list,
    label: options.label,
    reversed: chat,
    total: options.total,
    messages: options.messages,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  });

  // A chat opens at its newest message, at the bottom — and loads nothing before it is there.
  const opening = useRef<'closed' | 'scrolling' | 'open'>(chat ? 'closed' : 'open');
  useEffect(() => {
    if (opening.current !== 'closed' || shown.length === 0) return;
    opening.current = 'scrolling';
    virtualizer.scrollToIndex(shown.length - 1, { align: 'end' });
  });

  // Loads from the rows in view as laid out (read after render, never during it), once per
  // landed page in each direction.
  const asked = useRef<{ top: unknown; bottom: unknown }>({ top: null, bottom: null });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    const range = virtualizer.range;
    if (!range || shown.length === 0) return;
    if (opening.current === 'scrolling') {
      if (range.endIndex >= shown.length - 1) {
        opening.current = 'open';
        return;
      }
      // The user scrolled up before the chat reached the bottom: theirs from now on.
      if (virtualizer.scrollDirection !== 'backward') return;
      opening.current = 'open';
    }
    if (opening.current !== 'open' || list.isFetching || list.error) return;
    // At the top of what is shown: older messages in a chat (next pages), earlier items otherwise.
    const topMore = chat ? list.hasNextPage : list.hasPreviousPage;
    const bottomMore = chat ? list.hasPreviousPage : list.hasNextPage;
    if (topMore && range.startIndex <= threshold && asked.current.top !== list.items) {
      asked.current.top = list.items;
      void (chat ? list.fetchNextPage() : list.fetchPreviousPage());
    } else if (
      bottomMore &&
      range.endIndex >= shown.length - 1 - threshold &&
      asked.current.bottom !== list.items
    ) {
      asked.current.bottom = list.items;
      void (chat ? list.fetchPreviousPage() : list.fetchNextPage());
    }
  });

  const rows = items.flatMap((virtual): VirtualFeedRow<T>[] => {
    const item = shown[virtual.index];
    if (item === undefined) return [];
    return [
      {
        item,
        key: String(virtual.key),
        virtual,
        props: {
          ...feed.getItemProps(item, virtual.index),
          'data-index': virtual.index,
          ref: virtualizer.measureElement,
        },
      },
    ];
  });
  // A row focused by `focusItem` (a jump, Home, End) is kept in view while the rows around it are
  // measured (for a second): the virtualizer's keyed anchoring keeps the row that was in view
  // before in place, which after a jump to a row loaded already can be another, and the focused
  // row would move out of view. The reader's own scrolling (wheel, touch, pointer, keys) ends it
  // sooner; later, a live chat's following of new messages is not fought.
  const keepInView = useRef<{ key: string; until: number } | null>(null);
  const focusItem = (key: string) => {
    keepInView.current = { key, until: Date.now() + 1000 };
    return feed.focusItem(key);
  };
  useEffect(() => {
    const element = options.scrollElement.current;
    const keep = keepInView.current;
    if (!element || !keep) return;
    if (Date.now() > keep.until) {
      keepInView.current = null;
      return;
    }
    const row = [...element.querySelectorAll<HTMLElement>('[data-feed-key]')].find(
      (r) => r.dataset.feedKey === keep.key,
    );
    if (!row) return;
    const [box, view] = [row.getBoundingClientRect(), element.getBoundingClientRect()];
    if (box.top < view.top || box.bottom > view.bottom) row.scrollIntoView({ block: 'nearest' });
  });
  // On the scrolling element as it is now (it may mount after the feed, or be another later).
  useEffect(() => {
    const element = options.scrollElement.current;
    if (!element) return;
    const release = () => {
      keepInView.current = null;
    };
    const events = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
    for (const name of events) element.addEventListener(name, release, { passive: true });
    return () => {
      for (const name of events) element.removeEventListener(name, release);
    };
  });
  // Home and End on a row go to the first or last row loaded, focus with it: a scroll alone would
  // leave the focused row (kept rendered) far behind, and the next Page Down would bring it back.
  const getFeedProps: typeof feed.getFeedProps = (own) => {
    const props = feed.getFeedProps(own);
    const onKeyDown = (event: KeyboardEvent) => {
      const on = (event.target as HTMLElement).dataset?.feedKey !== undefined && !event.ctrlKey;
      const to = !on
        ? undefined
        : event.key === 'Home'
          ? shown[0]
          : event.key === 'End'
            ? shown.at(-1)
            : undefined;
      if (to === undefined) return props.onKeyDown(event);
      event.preventDefault();
      focusItem(list.itemKey(to));
    };
    return { ...props, onKeyDown };
  };
  const totalSize = virtualizer.getTotalSize();
  return { ...feed, focusItem, getFeedProps, rows, totalSize, virtualizer, shown };
}
