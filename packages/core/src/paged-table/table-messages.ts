/** Why a table cannot go to a page, in the app's language (page numbers count from 1). */
export interface TableMessages {
  /** @defaultValue 'not a page' */
  notAPage: string;
  /** @defaultValue `page ${page} is past the end (${count} pages)` */
  pastEnd(page: number, count: number): string;
  /** Forward jumps disabled. @defaultValue `${provider} pages by cursor: page ${page} is reached through the pages before it` */
  noJump(provider: string, page: number): string;
  /** A walk longer than `maxWalk` (`max`: the pages it covers). @defaultValue `page ${page} is ${distance} pages beyond the last one seen; at most ${max} are walked` */
  tooFar(page: number, distance: number, max: number): string;
  /** A page below a link, beyond a walk (`max`: the pages it covers). @defaultValue `${provider} cannot page backwards: page ${page} is ${distance} pages from page ${from}; at most ${max} are walked` */
  noBackwards(provider: string, page: number, distance: number, from: number, max: number): string;
}

export const ENGLISH_TABLE: TableMessages = {
  notAPage: 'not a page',
  pastEnd: (page, count) =>
    `page ${page} is past the end (${count} ${count === 1 ? 'page' : 'pages'})`,
  noJump: (provider, page) =>
    `${provider} pages by cursor: page ${page} is reached through the pages before it`,
  tooFar: (page, distance, max) =>
    `page ${page} is ${distance} pages beyond the last one seen; at most ${max} are walked`,
  noBackwards: (provider, page, distance, from, max) =>
    `${provider} cannot page backwards: page ${page} is ${distance} pages from page ${from}; at most ${max} are walked`,
};
