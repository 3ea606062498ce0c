import type { InfiniteListState } from '../infinite-list/infinite-list.types.js';
import type { PaginationError } from '../pagination-error.js';
import type { RetryWait } from '../runner/runner-types.js';
import { failureReason, LONG_WAIT_MS, secondsLeft, waitReason } from '../runner/wait-reason.js';
import { ENGLISH_FEED, type FeedMessages } from './feed-messages.js';

/** What a feed needs of a list: an infinite list's state and commands (`useInfiniteList`'s result is one). */
export interface FeedList<T>
  extends Pick<
      InfiniteListState<T>,
      | 'items'
      | 'hasNextPage'
      | 'hasPreviousPage'
      | 'isLoading'
      | 'isFetching'
      | 'isPlaceholderData'
      | 'prependedCount'
      | 'error'
    >,
    Partial<
      Pick<
        InfiniteListState<T>,
        | 'isFetchNextPageError'
        | 'isFetchPreviousPageError'
        | 'isFetchingNextPage'
        | 'isFetchingPreviousPage'
        | 'isRefreshingNewest'
        | 'retrying'
        | 'offline'
        | 'aroundKey'
      >
    > {
  itemKey(item: T): string;
  fetchNextPage(): Promise<void>;
  fetchPreviousPage(): Promise<void>;
  /**
   * Tries what failed again: Load more pressed at an edge whose page failed retries that page
   * (the list's own commands wait for a retry there). @defaultValue none — the press loads as usual
   */
  retry?(): void;
}

export interface FeedOptions {
  /** The feed's accessible name. */
  label: string;
  /**
   * The items are shown in reverse order (a chat: newest-first data, newest at the bottom): the
   * list's next pages appear at the top. @defaultValue false
   */
  reversed?: boolean | undefined;
  /** How many items there are in all, when the API says. @defaultValue unknown (`-1`) until the end */
  total?: number | undefined;
  /** The live region's sentences. @defaultValue English */
  messages?: Partial<FeedMessages> | undefined;
}

/** Which end of the feed as shown: its top (`start`) or its bottom (`end`). */
export type FeedEdge = 'start' | 'end';

/** What a feed showed, to tell what landed since. */
export interface FeedSeen {
  first: string | undefined;
  last: string | undefined;
  count: number;
  end: boolean;
  error: PaginationError | null;
  /**
   * A live refresh, or a refetch of the list (not a page loaded at an edge), was running: what
   * lands next at an edge arrived (`arrived`).
   */
  refreshing?: boolean | undefined;
  /**
   * A live refresh brought a page and more is left at the newer edge: what lands there next
   * arrived too (a burst larger than a page, caught up by the reader's scrolling).
   */
  arriving?: boolean | undefined;
  /** With `arriving`: the items arrived since the refresh, said as one growing count. */
  arrivedSoFar?: number | undefined;
  /** The wait for another attempt seen, so a wait is said once. */
  retrying?: RetryWait | undefined;
  /** The reason (`code`) of the last wait seen since the items shown last changed. */
  saidWait?: string | undefined;
  /** Nothing shown yet and a wait said: the first page is said when it lands. */
  waited?: boolean | undefined;
  /** Loading was held until the browser is online when last seen. */
  offline?: boolean | undefined;
  /** The key the list was opened around (a jump), to tell another list from more of this one. */
  around?: string | undefined;
}

/** A feed as framework-free props and decisions (APG feed pattern); a binding adds elements and focus. */
export interface FeedConnect<T> {
  /**
   * `role="feed"` while it holds items or loads; a labelled `group` while it has none and loads
   * none (a feed's children are articles: empty, after a failed first page or an empty answer,
   * it is the group the articles will come into).
   */
  feed: { role: 'feed' | 'group'; 'aria-label': string; 'aria-busy': boolean };
  item(
    item: T,
    index: number,
  ): {
    role: 'article';
    tabIndex: 0;
    'aria-posinset': number;
    /** `-1` while the length is not known. */
    'aria-setsize': number;
    'data-feed-key': string;
  };
  /** A Load more / Load older button: focusable while loading (`aria-disabled`), so focus stays. */
  loadButton(where: FeedEdge): { type: 'button'; 'aria-disabled': boolean };
  /** Loads more at an edge as shown (after a failure: tries it again); false when it cannot now. */
  load(where: FeedEdge): boolean;
  /** The keys in the order shown. */
  keys(): string[];
  /** Where Page Down / Page Up goes from an item: another item's key, or an edge to load. */
  step(from: string, key: 'PageDown' | 'PageUp'): { key: string } | { load: FeedEdge } | undefined;
  /** After a load at `where` from the item `anchor`, the item that takes focus (the first that landed). */
  focusAfterLoad(anchor: string | undefined, where: FeedEdge): string | undefined;
  /**
   * What the feed shows now, to compare with later. Given what was seen `before`, a failure said
   * while nothing was shown is kept while it is tried again, so the items that then land are said.
   */
  seen(before?: FeedSeen): FeedSeen;
  /**
   * The sentence for what changed since `before`; `''` when a failure it said is over and nothing
   * else happened (the status region clears rather than keep saying it); `undefined` when nothing
   * is worth saying.
   */
  announce(before: FeedSeen): string | undefined;
}

/**
 * An infinite list as a WAI-ARIA feed, framework-free: a `role="feed"` busy while a page loads;
 * items as focusable articles with absolute positions (`dropped`: items a `maxPages` window
 * dropped from the start) and a set size (`-1` until the end is known); Page Down / Page Up move
 * between items and load at the edges; one sentence per landed change, never while loading.
 */
export function connectFeed<T>(
  list: FeedList<T>,
  options: FeedOptions,
  dropped = 0,
): FeedConnect<T> {
  const own = options.messages;
  const say = { ...ENGLISH_FEED, ...own };
  // An app that words `failed` and not `failedFirst` hears its own words for a first page too.
  const failedFirst = own?.failedFirst ?? own?.failed ?? ENGLISH_FEED.failedFirst;
  const failedRefresh = own?.failedRefresh ?? own?.failed ?? ENGLISH_FEED.failedRefresh;
  const reversed = options.reversed ?? false;
  const keys = () => {
    const all = list.items.map(list.itemKey);
    return reversed ? all.reverse() : all;
  };
  /** An edge as shown, in data order ('end' is where next pages land). */
  const inData = (where: FeedEdge): FeedEdge =>
    reversed ? (where === 'end' ? 'start' : 'end') : where;
  const can = (where: FeedEdge) =>
    inData(where) === 'end' ? list.hasNextPage : list.hasPreviousPage;
  // A placeholder (the last list's items, while the new one loads) says nothing of the end. Items
  // before the first shown are counted only where a `maxPages` window dropped them from the
  // start (not before a jump).
  const unseenBefore = list.hasPreviousPage && (!dropped || list.aroundKey !== undefined);
  const open = list.hasNextPage || unseenBefore || list.isLoading || list.isPlaceholderData;
  const ended =
    !list.hasNextPage && !list.isLoading && !list.isPlaceholderData && list.items.length > 0;
  const setSize = options.total ?? (open ? -1 : dropped + list.items.length);
  const first = list.items[0];
  const last = list.items[list.items.length - 1];
  return {
    feed: {
      role: list.items.length > 0 || list.isFetching ? 'feed' : 'group',
      'aria-label': options.label,
      'aria-busy': list.isFetching,
    },
    item: (item, index) => ({
      role: 'article',
      tabIndex: 0,
      'aria-posinset': reversed ? index + 1 : dropped + index + 1,
      'aria-setsize': setSize,
      'data-feed-key': list.itemKey(item),
    }),
    loadButton: (where) => ({ type: 'button', 'aria-disabled': !can(where) || list.isFetching }),
    load(where) {
      if (!can(where) || list.isFetching) return false;
      const next = inData(where) === 'end';
      const failed = next ? list.isFetchNextPageError : list.isFetchPreviousPageError;
      if (failed && list.retry) list.retry();
      else void (next ? list.fetchNextPage() : list.fetchPreviousPage());
      return true;
    },
    keys,
    step(from, key) {
      const shown = keys();
      const at = shown.indexOf(from);
      if (at < 0) return undefined;
      const target = shown[at + (key === 'PageDown' ? 1 : -1)];
      return target !== undefined
        ? { key: target }
        : { load: key === 'PageDown' ? 'end' : 'start' };
    },
    focusAfterLoad(anchor, where) {
      const all = list.items.map(list.itemKey);
      const at = anchor === undefined ? -1 : all.indexOf(anchor);
      return inData(where) === 'end' ? all[at + 1] : at > 0 ? all[at - 1] : undefined;
    },
    seen(before) {
      const now: FeedSeen = {
        first: first === undefined ? undefined : list.itemKey(first),
        last: last === undefined ? undefined : list.itemKey(last),
        count: list.items.length,
        end: ended,
        error:
          list.error ??
          (before?.count === 0 && !list.items.length && list.isFetching ? before.error : null),
        // Not while a page loads at an edge too (it may land first) nor for new parameters.
        refreshing:
          (!!list.isRefreshingNewest ||
            (list.isFetching && !list.isLoading && list.isFetchingNextPage === false)) &&
          !list.isPlaceholderData &&
          !list.isFetchingNextPage &&
          !list.isFetchingPreviousPage,
        retrying: list.retrying,
        waited: !list.items.length && (!!list.retrying || !!list.offline || !!before?.waited),
        offline: !!list.offline,
        // A live refresh that left newer items to load (more arrived than a page): what the reader
        // loads at that edge arrived too, until the list holds the newest again.
        arriving:
          !list.isPlaceholderData &&
          !!list.hasPreviousPage &&
          (!!before?.refreshing || !!before?.arriving),
        around: list.aroundKey,
      };
      const same = before && now.first === before.first && now.last === before.last;
      now.saidWait =
        same && now.count === before.count && !now.error
          ? (list.retrying?.code ?? before.saidWait)
          : list.retrying?.code;
      // What arrived since that refresh, as one count that grows while the reader catches up.
      const since =
        before?.refreshing || before?.arriving ? landedSince(list, before, now) : undefined;
      if (now.arriving) now.arrivedSoFar = (before?.arrivedSoFar ?? 0) + (since?.atStart ?? 0);
      return now;
    },
    announce(before) {
      if (before.count < 0) return undefined; // the first page is read as the page
      const delayed = delayedSentence(list, before, say.delayed);
      if (delayed) return delayed;
      if (list.offline && !before.offline) return say.offline;
      // A failure said is over: cleared once — not while its first page is tried again (`seen`
      // keeps the failure then, so that what lands is said: clearing would repeat every render).
      const retryingFirst = before.count === 0 && !list.items.length && list.isFetching;
      const cleared = before.error && !list.error && !retryingFirst ? '' : undefined;
      const failure = failureSentence(list, before, failedFirst, failedRefresh, say.failed);
      if (failure !== null) return failure;
      // New parameters: their first page is read as the page.
      if (list.isPlaceholderData) return cleared;
      const now = this.seen();
      // Another list (a jump, or back to the latest from one) is read as the page, not as what
      // landed: its cached pages are no "180 older messages". A jump that lands at the end (the
      // beginning of a chat) says so: nothing more loads there.
      if (list.aroundKey !== before.around)
        // What was said of the last list is no longer true of this one: cleared.
        return list.aroundKey !== undefined && now.end ? say.end : '';
      // The first items after their failure or wait was said: loaded, not "older" or "more" —
      // unless the app words those and not `loaded` (its language first). A live arrival into an
      // empty list is an arrival.
      const first = before.count === 0 && (!!before.error || !!before.waited) && !before.refreshing;
      const edgeWords = reversed ? own?.earlier : own?.more;
      const sentences =
        first && now.count > 0 && (own?.loaded || !edgeWords)
          ? [say.loaded(now.count)]
          : landedSentences(list, before, now, say, reversed);
      if (now.end && !before.end) sentences.push(say.end);
      return sentences.length > 0 ? say.join(sentences) : cleared;
    },
  };
}

type FailureWords = (reason: string, error: PaginationError) => string;

/**
 * The sentence for a failure not said yet; `undefined` to say nothing; `null` where there is
 * none. New parameters (a jump, a filter) show the last list's items: their failure is a first
 * page's. A refresh that failed (nothing asked at an edge) is not "could not load more"; a live
 * edge failing again the same way is not said at every poll.
 */
function failureSentence<T>(
  list: FeedList<T>,
  before: FeedSeen,
  first: FailureWords,
  refresh: FailureWords,
  more: FailureWords,
): string | undefined | null {
  const { error } = list;
  if (!error || error === before.error) return null;
  const fresh = list.isPlaceholderData || !list.items.length;
  const refreshing =
    before.refreshing && !list.isFetchNextPageError && !list.isFetchPreviousPageError;
  if (refreshing && !fresh && before.error?.code === error.code) return undefined;
  return (fresh ? first : refreshing ? refresh : more)(failureReason(error), error);
}

/**
 * What landed at each end as shown, in words: what a live refresh brought arrived, and what
 * catching up with it brings at the newer edge (the start of the data) — all that arrived since
 * the refresh, as the later sentence replaces the earlier one ("60 new messages" after "50 new
 * messages"); any other page loaded at an edge is history.
 */
function landedSentences<T>(
  list: FeedList<T>,
  before: FeedSeen,
  now: FeedSeen,
  say: Required<Pick<FeedMessages, 'earlier' | 'more'>> & Pick<FeedMessages, 'arrived'>,
  reversed: boolean,
): string[] {
  const landed = landedSince(list, before, now);
  const catchingUp = !!before.arriving && !before.refreshing && landed.atStart > 0;
  const atStart = catchingUp ? (before.arrivedSoFar ?? 0) + landed.atStart : landed.atStart;
  const arrived = before.refreshing ? say.arrived : undefined;
  const atNewer = before.refreshing || before.arriving ? say.arrived : undefined;
  const top = reversed ? landed.atEnd : atStart;
  const bottom = reversed ? atStart : landed.atEnd;
  return [
    ...(top > 0 ? [((reversed ? arrived : atNewer) ?? say.earlier)(top)] : []),
    ...(bottom > 0 ? [((reversed ? atNewer : arrived) ?? say.more)(bottom)] : []),
  ];
}

/** How many items landed at each end of the data since `before` (`now` is the feed's view now). */
function landedSince<T>(
  list: FeedList<T>,
  before: FeedSeen,
  now: FeedSeen,
): { atStart: number; atEnd: number } {
  const atStart = now.first !== before.first && list.prependedCount > 0 ? list.prependedCount : 0;
  let atEnd = 0;
  if (now.last !== before.last && before.last !== undefined) {
    const at = list.items.findIndex((i) => list.itemKey(i) === before.last);
    atEnd = at < 0 ? 0 : list.items.length - 1 - at;
  }
  // A first page that lands after its failure or its wait was said: what landed is said.
  if (before.count === 0 && (before.error || before.waited)) atEnd = list.items.length;
  return { atStart, atEnd };
}

/**
 * Loading the reader asked for (a first page, new parameters' too, more, older) that waits on a
 * 429 or a 5xx: said at its first wait, and again only for a wait of another reason or of 5 s or
 * more (a 5xx retried at 0.25, 0.5 and 1 s is one delay). A background refresh's wait is not said.
 */
function delayedSentence<T>(
  list: FeedList<T>,
  before: FeedSeen,
  delayed: NonNullable<FeedMessages['delayed']>,
): string | undefined {
  const { retrying } = list;
  const asked =
    list.isLoading ||
    list.isFetchingNextPage ||
    list.isFetchingPreviousPage ||
    (list.isPlaceholderData && list.isFetching);
  if (!retrying || retrying === before.retrying || !asked) return undefined;
  // A request's first wait is always said; its later ones only for another reason or a long wait.
  if (retrying.attempt > 1 && retrying.code === before.saidWait && retrying.inMs < LONG_WAIT_MS)
    return undefined;
  return delayed(waitReason(retrying), secondsLeft(retrying), retrying);
}
