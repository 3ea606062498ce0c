import type { PaginationError } from '../pagination-error.js';
import type { RetryWait } from '../runner/runner-types.js';
import { failureReason, LONG_WAIT_MS, secondsLeft, waitReason } from '../runner/wait-reason.js';
import type { PagedTableState } from './paged-table.types.js';

/** The sentences of a table's live region, in the app's words. */
export interface TableAnnouncementMessages {
  /**
   * A page landed. `estimatedPageCount` is set while the count is unknown and the source
   * estimates it. @defaultValue `Page 3 of 20 loaded, 20 rows` (`Page 3 of about 60 loaded, …`
   * from an estimate, `Page 3 loaded, …` while the count is unknown)
   */
  loaded?(page: {
    pageNumber: number;
    pageCount: number;
    estimatedPageCount?: number | undefined;
    rows: number;
  }): string;
  /**
   * The requested page failed: `reason` in English words (`failureReason`), and the `error` itself
   * (its `code` and `status`, for an app's own words).
   * @defaultValue `Page 3 could not be loaded: ${reason}`
   */
  failed?(page: { pageNumber: number; reason: string; error: PaginationError }): string;
  /**
   * The requested page waits to be tried again (a 429, a 5xx): `reason` in English words
   * (`waitReason`), `seconds` until the next attempt, and the `wait` itself (its `code` and
   * `status`, for an app's own words). Said at the first wait of a page; a later wait for the
   * same page only when its reason differs or it is 5 s or longer (a 5xx retried at 0.25, 0.5
   * and 1 s is one delay, not three). @defaultValue `Page 3 is delayed (${reason}): trying again in ${seconds} s`
   */
  delayed?(page: { pageNumber: number; reason: string; seconds: number; wait: RetryWait }): string;
  /**
   * The page asked for (a link's) could not be opened: `reason` in the table's `messages`. Said
   * before `loaded` when the page opened in its place lands.
   * @defaultValue `Page 50 could not be opened (${reason}).`
   */
  notOpened?(page: { pageNumber: number; reason: string }): string;
  /**
   * The requested page is held until the browser is online (`offline`): it loads once the
   * connection is back. @defaultValue `Page 5 waits for the connection`
   */
  offline?(page: { pageNumber: number }): string;
}

const ENGLISH: Required<TableAnnouncementMessages> = {
  loaded: ({ pageNumber, pageCount, estimatedPageCount, rows }) =>
    `Page ${pageNumber}${
      pageCount > 0
        ? ` of ${pageCount}`
        : estimatedPageCount !== undefined
          ? ` of about ${estimatedPageCount}`
          : ''
    } loaded, ${rows === 0 ? 'no rows' : rows === 1 ? '1 row' : `${rows} rows`}`,
  failed: ({ pageNumber, reason }) => `Page ${pageNumber} could not be loaded: ${reason}`,
  delayed: ({ pageNumber, reason, seconds }) =>
    `Page ${pageNumber} is delayed (${reason}): trying again in ${seconds} s`,
  notOpened: ({ pageNumber, reason }) => `Page ${pageNumber} could not be opened (${reason}).`,
  offline: ({ pageNumber }) => `Page ${pageNumber} waits for the connection`,
};

/** What a table announcement reads of a table (`usePagedTable`'s result, a controller's state). */
export type AnnouncedTable = Pick<
  PagedTableState<unknown>,
  'page' | 'shownPageIndex' | 'pageIndex' | 'pageCount' | 'rows' | 'error' | 'isPlaceholderData'
> &
  Partial<
    Pick<PagedTableState<unknown>, 'estimatedPageCount' | 'retrying' | 'notOpened' | 'offline'>
  >;

/** What a table showed, to tell what landed since; whether a failure was said since a page landed. */
export interface TableSeen {
  page: unknown;
  error: unknown;
  failed: boolean;
  wait: RetryWait | undefined;
  /** A wait was said since a page last landed: the page that lands then is said, even the first. */
  delayed: boolean;
  /** The reason (`code`) of the last wait said since a page last landed. */
  saidWait?: string | undefined;
  /** The page not opened last said. */
  notOpened?: unknown;
  /** The requested page was held offline when last seen. */
  offline?: boolean | undefined;
}

/**
 * A table's live region, framework-free: given what was seen `before` (`null` at first), what
 * the table shows now and the sentence to say, if any — a page once its rows are on screen (not
 * the first one, what the user came to read, unless a failure was said before it), a failure, a
 * wait for another attempt, a page held until the browser is online, each once.
 */
export function announceTable(
  table: AnnouncedTable,
  before: TableSeen | null,
  messages: TableAnnouncementMessages = {},
): { seen: TableSeen; say: string | undefined } {
  const text = { ...ENGLISH, ...messages };
  const { page, error, retrying, notOpened, offline } = table;
  // A page not opened is said with the page that lands in its place, the first one included.
  const untold = !!notOpened && notOpened !== before?.notOpened;
  const seen: TableSeen = {
    // A page in place of none (the first one) is what the user came to read: not announced.
    page: page ?? before?.page,
    error,
    failed: (before?.failed || !!error) && page === before?.page,
    wait: retrying,
    // A wait said (for another attempt, for the connection): the page that lands is said too.
    delayed: (before?.delayed || !!retrying || !!offline) && page === before?.page,
    saidWait: page === before?.page && !error ? (retrying?.code ?? before?.saidWait) : undefined,
    notOpened: before?.notOpened,
    offline,
  };
  const pageNumber = table.pageIndex + 1;
  // The page opened in place of the one asked for is on screen: said with it (the first page
  // included), or alone where that page was already shown.
  const opened = untold && !!page && !table.isPlaceholderData;
  const loaded = () => {
    const sentence = text.loaded({
      pageNumber: table.shownPageIndex + 1,
      pageCount: table.pageCount,
      estimatedPageCount: table.estimatedPageCount,
      rows: table.rows.length,
    });
    return opened ? `${refusal()} ${sentence}` : sentence;
  };
  const refusal = () => {
    seen.notOpened = notOpened;
    return text.notOpened({ pageNumber: notOpened!.pageIndex + 1, reason: notOpened!.reason });
  };
  let say: string | undefined;
  if (!before) say = opened ? loaded() : undefined;
  else if (error && error !== before.error)
    say = text.failed({ pageNumber, reason: failureReason(error), error });
  else if (
    retrying &&
    retrying !== before.wait &&
    // A request's first wait is always said (another page, another size); its later ones only
    // for another reason or a long wait.
    (retrying.attempt === 1 || retrying.code !== before.saidWait || retrying.inMs >= LONG_WAIT_MS)
  )
    say = text.delayed({
      pageNumber,
      reason: waitReason(retrying),
      seconds: secondsLeft(retrying),
      wait: retrying,
    });
  else if (offline && !before.offline && page === before.page) say = text.offline({ pageNumber });
  else if (
    page &&
    page !== before.page &&
    !table.isPlaceholderData &&
    // The first page is not announced — unless it comes after a failure or a wait that was, or
    // in place of the page asked for.
    (before.page || before.failed || before.delayed || opened)
  )
    say = loaded();
  else if (opened) say = refusal();
  return { seen, say };
}
