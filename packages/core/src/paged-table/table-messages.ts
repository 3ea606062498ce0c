/** Why a table cannot go to a page, in the app's language (page numbers count from 1). */
export interface TableMessages {
  /** @defaultValue 'not a page' */
  notAPage: string;
  /** @defaultValue `page ${page} is past the end (${count} pages)` */
  pastEnd(page: number, count: number): string;
  /**
   * Forward jumps disabled (`provider`: the source's name, for an app's own words).
   * @defaultValue `page ${page} can only be reached through the pages before it`
   */
  noJump(provider: string, page: number): string;
  /**
   * A walk longer than `maxWalk` (`distance`: the pages from the last one seen; `max`: the pages
   * a walk covers). @defaultValue `page ${page} is too far ahead to open at once: open a page nearer to it first`
   */
  tooFar(page: number, distance: number, max: number): string;
  /**
   * A page below a link, beyond a walk: the source reads only forwards, from page `from`
   * (`distance`: the pages between; `max`: the pages a walk covers).
   * @defaultValue `page ${page} can only be reached by going forward from page ${from}`
   */
  noBackwards(provider: string, page: number, distance: number, from: number, max: number): string;
}

export const ENGLISH_TABLE: TableMessages = {
  notAPage: 'not a page',
  pastEnd: (page, count) =>
    `page ${page} is past the end (${count} ${count === 1 ? 'page' : 'pages'})`,
  noJump: (_provider, page) => `page ${page} can only be reached through the pages before it`,
  tooFar: (page) => `page ${page} is too far ahead to open at once: open a page nearer to it first`,
  noBackwards: (_provider, page, _distance, from) =>
    `page ${page} can only be reached by going forward from page ${from}`,
};
