import { describe, expect, it } from 'vitest';
import { createPageBook, learnPage } from './page-book.js';
import { nearestReachable, type ReachOptions, unreachableReason } from './page-reachability.js';
import { ENGLISH_TABLE, type TableMessages } from './table-messages.js';

const walk: ReachOptions = { provider: 'v', forwardJumps: 'walk', maxWalk: 10, stretch: 1 };
const disabled: ReachOptions = { ...walk, forwardJumps: 'disabled' };
// An app's own words see every argument.
const echo: TableMessages = {
  ...ENGLISH_TABLE,
  noJump: (...args) => `noJump ${args.join(' ')}`,
  tooFar: (...args) => `tooFar ${args.join(' ')}`,
  noBackwards: (...args) => `noBackwards ${args.join(' ')}`,
};
const full = (cursor: string | null, next: string | null, items = 20) => ({
  items: Array.from({ length: items }, (_, i) => i),
  next,
  cursor,
  direction: 'after' as const,
  size: 20,
});

describe('page reachability', () => {
  it('refuses what is not a page, and pages past a known end', () => {
    const book = createPageBook({ kind: 'page', firstPage: 1 }, 20);
    learnPage(book, 0, { ...full('1', '2'), total: 45 });
    expect(unreachableReason(book, -1, walk)).toBe('not a page');
    expect(unreachableReason(book, 0.5, walk)).toBe('not a page');
    expect(unreachableReason(book, 2, walk)).toBeUndefined();
    expect(unreachableReason(book, 3, walk)).toBe('page 4 is past the end (3 pages)');
  });

  it('a cursor source walks at most maxWalk requests, as many pages as a stretched request covers', () => {
    const book = createPageBook({ kind: 'cursor' }, 20);
    expect(unreachableReason(book, 10, walk)).toBeUndefined();
    expect(unreachableReason(book, 11, walk)).toBe(
      'page 12 is too far ahead to open at once: open a page nearer to it first',
    );
    expect(unreachableReason(book, 50, { ...walk, stretch: 5 })).toBeUndefined();
    // The reason counts pages, not requests: 10 requests of 5 pages each reach 50 pages.
    expect(unreachableReason(book, 60, { ...walk, stretch: 5, messages: echo })).toBe(
      'tooFar 61 60 50',
    );
  });

  it('with forward jumps disabled only known pages and Next are reachable', () => {
    const book = createPageBook({ kind: 'cursor' }, 20);
    learnPage(book, 0, full(null, 'A'));
    expect(unreachableReason(book, 1, disabled)).toBeUndefined();
    expect(unreachableReason(book, 2, disabled)).toBe(
      'page 3 can only be reached through the pages before it',
    );
    expect(unreachableReason(book, 2, { ...disabled, messages: echo })).toBe('noJump v 3');
    expect(unreachableReason(book, 2, disabled, true)).toBeUndefined();
  });

  it('a page below a link cannot be walked to backwards beyond maxWalk', () => {
    const book = createPageBook({ kind: 'cursor' }, 20, { index: 40, cursor: 'L' });
    expect(unreachableReason(book, 25, walk)).toBe(
      'page 26 can only be reached by going forward from page 1',
    );
    expect(unreachableReason(book, 25, { ...walk, messages: echo })).toBe(
      'noBackwards v 26 25 1 10',
    );
  });

  it('opens the furthest page it can reach instead of one it cannot, never page by page', () => {
    const book = createPageBook({ kind: 'cursor' }, 20);
    expect(nearestReachable(book, 299, walk)).toBe(10);
    expect(nearestReachable(book, 999_999, { ...walk, stretch: 5 })).toBe(50);
    expect(nearestReachable(book, 299, disabled)).toBe(0);
    expect(nearestReachable(book, 5, walk)).toBe(5);
    const linked = createPageBook({ kind: 'cursor' }, 20, { index: 12, cursor: 'L' });
    expect(nearestReachable(linked, 12, disabled)).toBe(12);
    const pages = createPageBook({ kind: 'page', firstPage: 1 }, 20);
    learnPage(pages, 0, { ...full('1', '2'), total: 100 });
    expect(nearestReachable(pages, 499, walk)).toBe(4);
  });
});
