'use client';
import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';
import { type RefObject, useEffect, useRef } from 'react';
import { useFeed } from './use-feed.js';
import type { Feed, FeedItemProps, FeedMessages } from './use-feed.types.js';
import type { InfiniteList } from './use-infinite-list.types.js';

export interface UseVirtualFeedOptions<T> {
  /** The list, from `useInfiniteList`. */
  list: InfiniteList<T>;
  /** The key of an item (the source's `key`). */
  itemKey(item: T): string;
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
  messages?: FeedMessages | undefined;
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

export interface VirtualFeed<T> extends Feed {
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
  const { list, itemKey } = options;
  const chat = options.chat ?? false;
  const shown = chat ? [...list.items].reverse() : list.items;
  const threshold = options.loadThreshold ?? 10;
  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count: shown.length,
    getScrollElement: () => options.scrollElement.current,
    estimateSize: () => options.estimateSize ?? 40,
    getItemKey: (index) => {
      const item = shown[index];
      return item === undefined ? index : itemKey(item);
    },
    overscan: options.overscan ?? 8,
    // Keyed anchoring: the row in view keeps its place when rows change above it.
    anchorTo: 'end',
    followOnAppend: chat,
  });
  const feed = useFeed({
    list,
    itemKey,
    label: options.label,
    reversed: chat,
    total: options.total,
    messages: options.messages,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  });

  // A chat opens at its newest message, at the bottom.
  const opened = useRef(false);
  useEffect(() => {
    if (!chat || opened.current || shown.length === 0) return;
    opened.current = true;
    virtualizer.scrollToIndex(shown.length - 1, { align: 'end' });
  });

  // Loads from the range as laid out (read after render, never during it), once per landed page.
  const asked = useRef<{ top: unknown; bottom: unknown }>({ top: null, bottom: null });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index;
  const last = items[items.length - 1]?.index;
  useEffect(() => {
    if (first === undefined || last === undefined || list.isFetching || list.error) return;
    // At the top of what is shown: older messages in a chat (next pages), earlier items otherwise.
    const topMore = chat ? list.hasNextPage : list.hasPreviousPage;
    const bottomMore = chat ? list.hasPreviousPage : list.hasNextPage;
    if (topMore && first <= threshold && asked.current.top !== list.items) {
      asked.current.top = list.items;
      void (chat ? list.fetchNextPage() : list.fetchPreviousPage());
    } else if (
      bottomMore &&
      last >= shown.length - 1 - threshold &&
      asked.current.bottom !== list.items
    ) {
      // A chat waits until it has opened at the bottom before it loads anything there.
      if (chat && !opened.current) return;
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
  return { ...feed, rows, totalSize: virtualizer.getTotalSize(), virtualizer, shown };
}
