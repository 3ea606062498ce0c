import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import { type AnnouncedTable, announceTable } from './table-announcement.js';

const page = { items: [1, 2], next: '3' };
const table = (over: Partial<AnnouncedTable> = {}): AnnouncedTable => ({
  page: page as never,
  shownPageIndex: 1,
  pageIndex: 1,
  pageCount: 5,
  rows: [1, 2],
  error: null,
  isPlaceholderData: false,
  ...over,
});

describe('announceTable', () => {
  it('hands a failure’s error to the app’s words: its code and status, not only the English reason', () => {
    const { seen } = announceTable(table(), null);
    const error = new PaginationError('RATE_LIMITED', 'HTTP 429: slow down', {
      provider: 'dingtalk',
      status: 429,
    });
    const failed = table({ pageIndex: 2, error, isPlaceholderData: true });
    // The kit's words for a 429, not the vendor's text (the app's words get the error itself).
    expect(announceTable(failed, seen).say).toBe('Page 3 could not be loaded: too many requests');
    const german = announceTable(failed, seen, {
      failed: ({ pageNumber, error: e }) =>
        `Seite ${pageNumber} nicht geladen (${e.code === 'RATE_LIMITED' ? 'zu viele Anfragen' : e.code})`,
    });
    expect(german.say).toBe('Seite 3 nicht geladen (zu viele Anfragen)');
  });
});
