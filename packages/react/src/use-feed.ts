'use client';
import {
  articleNear,
  connectFeed,
  type FeedEdge,
  type FeedSeen,
  focusableOutside,
} from '@pagewise/core/controllers';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useAnnouncement } from './use-announcement.js';
import type { Feed, FeedItemProps, UseFeedOptions } from './use-feed.types.js';

/** Before the first page: `announce` says nothing of a count below 0 (the page is read as the page). */
const NOTHING_SEEN = { count: -1 } as FeedSeen;

/**
 * An infinite list as a WAI-ARIA feed (APG feed pattern) over `connectFeed`: pass the list from
 * `useInfiniteList` (its items carry their keys). The container is `role="feed"` (a labelled
 * `group` while empty and idle), busy while a page loads; items are focusable articles with their
 * positions; Page Down / Page Up move between items (loading more at the edges), Ctrl+End /
 * Ctrl+Home leave the feed; one polite announcement per landed change. Load buttons stay
 * focusable while loading.
 */
export function useFeed<T>(options: UseFeedOptions<T>): Feed<T> {
  const { list } = options;
  const container = useRef<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useAnnouncement();
  // Items a `maxPages` window dropped from the start, so positions stay absolute (state from the
  // previous render, React's pattern for values derived from a change).
  const [held, setHeld] = useState({ items: list.items, dropped: 0 });
  /** The item focused when the items changed, read before they are committed (it may leave). */
  const focused = useRef<HTMLElement | undefined>(undefined);
  if (held.items !== list.items) {
    setHeld({ items: list.items, dropped: Math.max(0, held.dropped - list.prependedCount) });
    const active = globalThis.document?.activeElement as HTMLElement | null | undefined;
    focused.current =
      active?.dataset.feedKey && container.current?.contains(active) ? active : undefined;
  }
  const feed = connectFeed(list, options, held.dropped);
  const seen = useRef(NOTHING_SEEN);
  /** After a load from a button or Page Down, where focus goes once the items land. */
  const pending = useRef<{
    where: FeedEdge;
    anchor: string | undefined;
    items: unknown;
    /** The failure shown when the load started (a retry): only a new one ends the wait. */
    error: unknown;
  } | null>(null);
  /** An item brought into the DOM to be focused (a virtualized feed): focused once rendered. */
  const focusOnRender = useRef<string | null>(null);

  const articles = () => [
    ...(container.current?.querySelectorAll<HTMLElement>('[role="article"]') ?? []),
  ];
  const focusRendered = (key: string) => {
    const element = articles().find((a) => a.dataset.feedKey === key);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView?.({ block: 'nearest' });
    return !!element;
  };
  const focusItem = (key: string) => {
    if (focusRendered(key)) return true;
    const index = feed.keys().indexOf(key);
    if (index < 0 || !options.scrollToIndex) return false;
    focusOnRender.current = key;
    options.scrollToIndex(index);
    return true;
  };
  useEffect(() => {
    // The focused item left the list (a `maxPages` window dropped it): focus stays in the feed,
    // on the rendered item now nearest to it, without scrolling (not on the page's <body>).
    const lost = focused.current;
    focused.current = undefined;
    if (lost && !lost.isConnected && container.current)
      articleNear(container.current, Number(lost.getAttribute('aria-posinset')))?.focus({
        preventScroll: true,
      });
    const waiting = focusOnRender.current;
    if (waiting !== null && (focusRendered(waiting) || !feed.keys().includes(waiting)))
      focusOnRender.current = null;
  });
  useEffect(() => {
    const sentence = feed.announce(seen.current);
    seen.current = feed.seen(seen.current);
    if (sentence !== undefined) setAnnouncement(sentence);
    const wait = pending.current;
    if (wait && list.error && list.error !== wait.error) pending.current = null;
    else if (wait && !list.isFetching && wait.items !== list.items) {
      pending.current = null;
      const target = feed.focusAfterLoad(wait.anchor, wait.where);
      if (target !== undefined) focusItem(target);
    }
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey && (event.key === 'End' || event.key === 'Home')) {
      event.preventDefault();
      const element = container.current;
      if (element) focusableOutside(element, event.key === 'End' ? 1 : -1)?.focus();
      return;
    }
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="article"]');
    const step = current && feed.step(current.dataset.feedKey ?? '', event.key);
    if (!step) return;
    event.preventDefault();
    if ('key' in step) focusItem(step.key);
    // A load already on its way (a sentinel's) is waited for as one the key started.
    else if (feed.load(step.load) || list.isFetching)
      pending.current = {
        where: step.load,
        anchor: current.dataset.feedKey,
        items: list.items,
        error: list.error,
      };
  };
  const edgeKey = (where: FeedEdge) => feed.keys().at(where === 'start' ? 0 : -1);

  return {
    announcement,
    getFeedProps: (own) => ({
      ...feed.feed,
      // The feed's element, also handed to the app's own ref (a scroll container, a measure).
      ref: (element) => {
        container.current = element;
        if (typeof own?.ref === 'function') own.ref(element);
        else if (own?.ref) own.ref.current = element;
      },
      onKeyDown,
    }),
    getItemProps: (item, index): FeedItemProps => feed.item(item, index),
    getLoadProps: (where) => ({
      ...feed.loadButton(where),
      onClick: () => {
        const anchor = edgeKey(where);
        // Focus stays on an end button (it stays where it is); a start button moves focus to
        // the items that land above it, as the content it was reading from moves down.
        if (feed.load(where) && where === 'start')
          pending.current = { where, anchor, items: list.items, error: list.error };
      },
    }),
    focusItem,
  };
}
