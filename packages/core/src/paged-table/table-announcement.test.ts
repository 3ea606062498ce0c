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

  it('says a page held until the browser is online once, then the page when it lands', () => {
    // A page turn made offline: held, said once, then said when it lands.
    const { seen } = announceTable(table(), null);
    const held = table({ pageIndex: 4, isPlaceholderData: true, offline: true });
    const waiting = announceTable(held, seen);
    expect(waiting.say).toBe('Page 5 waits for the connection');
    expect(announceTable(held, waiting.seen).say).toBeUndefined();
    const landed = { ...page, items: [9] };
    const online = table({ page: landed as never, pageIndex: 4, shownPageIndex: 4, rows: [9] });
    expect(announceTable(online, waiting.seen).say).toBe('Page 5 of 5 loaded, 1 row');
    expect(
      announceTable(held, seen, { offline: ({ pageNumber }) => `Seite ${pageNumber} wartet` }).say,
    ).toBe('Seite 5 wartet');
  });
});
