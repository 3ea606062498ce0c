'use client';
import { useEffect, useRef } from 'react';
import { useAnnouncement } from './use-announcement.js';
import type { PagedTable } from './use-paged-table.types.js';

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
  /** The requested page failed. @defaultValue `Page 3 could not be loaded: ${reason}` */
  failed?(page: { pageNumber: number; reason: string }): string;
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
};

/**
 * One sentence per landed change of a table, for a polite live region
 * (`<div role="status">{announcement}</div>`): "Page 3 of 20 loaded, 20 rows" once the rows of
 * page 3 are on screen — not when page 3 is requested, while page 2's rows still show — and
 * "Page 3 could not be loaded: …" when it fails. The first page is not announced (it is what the
 * user came to read).
 */
export function useTableAnnouncement(
  table: Pick<
    PagedTable<unknown>,
    'page' | 'shownPageIndex' | 'pageIndex' | 'pageCount' | 'rows' | 'error' | 'isPlaceholderData'
  > &
    Partial<Pick<PagedTable<unknown>, 'estimatedPageCount'>>,
  messages: TableAnnouncementMessages = {},
): string {
  const text = { ...ENGLISH, ...messages };
  const [announcement, setAnnouncement] = useAnnouncement();
  /** What the last render had, and whether a failure was said since a page last landed. */
  const seen = useRef<{ page: unknown; error: unknown; failed: boolean } | null>(null);
  const { page, error } = table;
  useEffect(() => {
    const before = seen.current;
    // A page in place of none (the first one) is what the user came to read: not announced.
    seen.current = {
      page: page ?? before?.page,
      error,
      failed: (before?.failed || !!error) && page === before?.page,
    };
    if (!before) return;
    if (error && error !== before.error) {
      setAnnouncement(
        text.failed({ pageNumber: table.pageIndex + 1, reason: error.reason ?? error.message }),
      );
    } else if (
      page &&
      page !== before.page &&
      !table.isPlaceholderData &&
      // The first page is not announced — unless it comes after a failure that was.
      (before.page || before.failed)
    ) {
      setAnnouncement(
        text.loaded({
          pageNumber: table.shownPageIndex + 1,
          pageCount: table.pageCount,
          estimatedPageCount: table.estimatedPageCount,
          rows: table.rows.length,
        }),
      );
    }
  });
  return announcement;
}
