/** Every word a page range says — labels, ellipses, why a button is disabled — in the app's language. */
export interface PageRangeMessages {
  /** The navigation's accessible name when the range is given no `label`. @defaultValue 'Pagination' */
  navigation?: string;
  /** A page button's name. @defaultValue `Page ${n}` */
  page(pageNumber: number): string;
  /** @defaultValue 'First page' */
  first: string;
  /** @defaultValue 'Previous page' */
  previous: string;
  /** @defaultValue 'Next page' */
  next: string;
  /** @defaultValue 'Last page' */
  last: string;
  /**
   * An ellipsis that skips pages `from` to `to` (one page when equal); `estimated` when the pages
   * after it are estimates, so `to` is one too. @defaultValue `Pages ${from} to ${to} not shown`,
   * `Pages ${from} to about ${to} not shown`
   */
  skipped(from: number, to: number, estimated?: boolean): string;
  /** An ellipsis at the end of an unknown count. @defaultValue `More pages after page ${n}` */
  more(pageNumber: number): string;
  /** A page button beyond those known, from an estimated count. @defaultValue `Page ${n}, estimated` */
  estimatedPage(pageNumber: number): string;
  /**
   * Where the table is, for a status line: `count` undefined while unknown, `estimated` when it
   * is an estimate, 0 when there are no rows. @defaultValue `Page 7 of 60`, `Page 7 of about 60`,
   * `Page 7`, 'No rows'
   */
  status(pageNumber: number, count: number | undefined, estimated: boolean): string;
  /** Why Previous and First are disabled on the first page. @defaultValue 'this is the first page' */
  atFirst: string;
  /** Why Next and Last are disabled on the last page. @defaultValue 'this is the last page' */
  atLast: string;
  /** Why Last is disabled while the count is unknown. @defaultValue 'the number of pages is not known yet' */
  countUnknown: string;
  /** Why Next is disabled when the pager says so without a reason. @defaultValue 'the next page is not known yet' */
  nextUnknown: string;
  /** Why a page is disabled when the pager says so without a reason. @defaultValue 'this page cannot be reached yet' */
  unreachable: string;
  /** Why Next and Last are disabled when there are no rows (a search that found nothing). @defaultValue 'there are no rows' */
  noRows?: string;
}

export const ENGLISH_PAGE_RANGE: PageRangeMessages = {
  navigation: 'Pagination',
  page: (n) => `Page ${n}`,
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
  skipped: (from, to, estimated) =>
    from === to
      ? `Page ${from} not shown`
      : `Pages ${from} to ${estimated ? 'about ' : ''}${to} not shown`,
  more: (n) => `More pages after page ${n}`,
  estimatedPage: (n) => `Page ${n}, estimated`,
  status: (n, count, estimated) =>
    count === 0
      ? 'No rows'
      : count === undefined
        ? `Page ${n}`
        : `Page ${n} of ${estimated ? 'about ' : ''}${count}`,
  atFirst: 'this is the first page',
  atLast: 'this is the last page',
  countUnknown: 'the number of pages is not known yet',
  nextUnknown: 'the next page is not known yet',
  unreachable: 'this page cannot be reached yet',
  noRows: 'there are no rows',
};
