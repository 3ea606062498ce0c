import type { PaginationError } from '../pagination-error.js';
import type { RetryWait } from '../runner/runner-types.js';

/** What a feed says in its polite live region, in the app's words. */
export interface FeedMessages {
  /** Items added at the end. @defaultValue `${n} more items` */
  more(count: number): string;
  /**
   * Items added at the top of what is shown: older messages above a chat, new posts above a
   * newest-first feed — so the default says where, not when. @defaultValue `${n} items added above`
   */
  earlier(count: number): string;
  /**
   * Items a live refresh brought at the newest edge (`refreshNewest`, `liveEdge`) — and, when more
   * arrived than a page, the rest the reader loads there to catch up — where a page the reader
   * loaded there otherwise (newer history after a jump) is `more` or `earlier`: "2 new messages"
   * for what arrived, "20 newer messages" for history.
   * @defaultValue as `more` or `earlier`, by where they landed
   */
  arrived?(count: number): string;
  /**
   * The first items, landed after their failure or their wait was said (a first page that lands
   * at once is read as the page, not announced).
   * @defaultValue `${n} items loaded`; where the app words `more` (`earlier` when reversed) and not
   * this, those words
   */
  loaded?(count: number): string;
  /** The end was reached — also said when a jump (`aroundKey`) lands there. @defaultValue 'End of list' */
  end: string;
  /**
   * Two things said at once ("20 older messages", "Beginning of the conversation") as one
   * announcement. @defaultValue joined with `. `
   */
  join?(sentences: string[]): string;
  /**
   * Loading more failed (items are shown): `reason` in English words (`failureReason`), and the
   * `error` itself (its `code` and `status`, for an app's own words).
   * @defaultValue `Could not load more: ${reason}`
   */
  failed(reason: string, error: PaginationError): string;
  /**
   * Loading failed with nothing shown yet (the first page).
   * @defaultValue `failed` when the app words that, else `Could not load: ${reason}`
   */
  failedFirst?(reason: string, error: PaginationError): string;
  /**
   * A refresh failed — the live edge's, or the list read again — while nothing was asked at an
   * edge: nothing is missing, newer items did not come. The same failure again (the same code, at
   * each poll of a live edge that keeps failing) is said once; a `retry()` that fails is said.
   * @defaultValue `failed` when the app words that, else `Could not refresh: ${reason}`
   */
  failedRefresh?(reason: string, error: PaginationError): string;
  /**
   * Loading asked for (the first page, more, older) waits to be tried again: `reason` in English
   * words (`waitReason`: "too many requests"), `seconds` until the next attempt, and the `wait`
   * itself (its `code` and `status`, for an app's own words). Said at the first wait, and again
   * only for a wait of another reason or of 5 s or more; a background refresh that waits is not
   * said. @defaultValue `Loading is delayed (${reason}): trying again in ${seconds} s`
   */
  delayed?(reason: string, seconds: number, wait: RetryWait): string;
  /**
   * Loading asked for is held until the browser is online (`offline`): it goes once the
   * connection is back. @defaultValue 'Waiting for the connection'
   */
  offline?: string;
}

export const ENGLISH_FEED: Required<
  Pick<FeedMessages, 'failedFirst' | 'failedRefresh' | 'delayed' | 'join' | 'loaded' | 'offline'>
> &
  FeedMessages = {
  more: (n) => `${n} more ${n === 1 ? 'item' : 'items'}`,
  earlier: (n) => `${n} ${n === 1 ? 'item' : 'items'} added above`,
  loaded: (n) => `${n} ${n === 1 ? 'item' : 'items'} loaded`,
  end: 'End of list',
  failed: (reason) => `Could not load more: ${reason}`,
  failedFirst: (reason) => `Could not load: ${reason}`,
  failedRefresh: (reason) => `Could not refresh: ${reason}`,
  delayed: (reason, seconds) => `Loading is delayed (${reason}): trying again in ${seconds} s`,
  offline: 'Waiting for the connection',
  join: (sentences) => sentences.join('. '),
};
