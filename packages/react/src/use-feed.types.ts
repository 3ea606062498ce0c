import type { FeedList, FeedOptions } from '@pagewise/core/controllers';
import type { KeyboardEvent, MouseEvent } from 'react';

export interface UseFeedOptions<T> extends FeedOptions {
  /** The list, from `useInfiniteList` (its items are keyed by its source). */
  list: FeedList<T>;
  /**
   * For a virtualized feed, whose items are not all in the DOM: brings the item at `index` (in
   * the order shown) into the DOM, so Page Down / Page Up and `focusItem` can focus it.
   * `useVirtualFeed` sets it. @defaultValue none — every item is in the DOM
   */
  scrollToIndex?(index: number): void;
}

/** Props for the feed's container (`<section>`, `<div>`). */
export interface FeedProps {
  /** `feed` while it holds items or loads; a labelled `group` while empty and idle. */
  role: 'feed' | 'group';
  'aria-label': string;
  'aria-busy': boolean;
  ref(element: HTMLElement | null): void;
  onKeyDown(event: KeyboardEvent): void;
}

/** Props for one item of the feed (`<article>` or any element). */
export interface FeedItemProps {
  role: 'article';
  tabIndex: 0;
  'aria-posinset': number;
  /** `-1` while the length is not known. */
  'aria-setsize': number;
  'data-feed-key': string;
}

/** Props for a Load more / Load older button: focusable while loading (`aria-disabled`), so focus stays. */
export interface FeedLoadProps {
  type: 'button';
  'aria-disabled': boolean;
  onClick(event: MouseEvent): void;
}

export interface Feed<T> {
  /**
   * Props for the feed's element. Pass your own `ref` (a scroll container's) to get the element
   * too: the feed needs the element, and one element takes one `ref`.
   */
  getFeedProps(own?: {
    ref?: ((element: HTMLElement | null) => void) | { current: HTMLElement | null } | undefined;
  }): FeedProps;
  /** Props for the item at `index` in the order shown. */
  getItemProps(item: T, index: number): FeedItemProps;
  /**
   * Props for a button that loads more at the end (`'end'`) or the start (`'start'`) of what is
   * shown. After items land above the focused Load older button, focus moves to the newest of
   * them (the item just above where reading was), which stays in view.
   */
  getLoadProps(where: 'start' | 'end'): FeedLoadProps;
  /** One sentence per landed change ("20 more items", "End of list"), for a polite live region. */
  announcement: string;
  /** Focuses an item by key (a jump to a message) and scrolls it into view; false when it is not shown. */
  focusItem(key: string): boolean;
}
