/** What a feed says in its polite live region, in the app's words. */
export interface FeedMessages {
  /** Items added at the end. @defaultValue `${n} more items` */
  more(count: number): string;
  /** Items added at the start (older chat messages, a refreshed head). @defaultValue `${n} earlier items` */
  earlier(count: number): string;
  /** The end was reached. @defaultValue 'End of list' */
  end: string;
  /** Loading failed. @defaultValue `Could not load more: ${reason}` */
  failed(reason: string): string;
}

export const ENGLISH_FEED: FeedMessages = {
  more: (n) => `${n} more ${n === 1 ? 'item' : 'items'}`,
  earlier: (n) => `${n} earlier ${n === 1 ? 'item' : 'items'}`,
  end: 'End of list',
  failed: (reason) => `Could not load more: ${reason}`,
};
