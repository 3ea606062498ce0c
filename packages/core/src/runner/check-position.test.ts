import { vendorSources } from '@pagewise/testkit';
import { describe, expect, it, vi } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import { defineCursorSource } from '../sources/define-source.js';
import { checkPosition } from './check-position.js';

const sources = vendorSources();

describe('runner step 0: check the position', () => {
  it('builds the request at a cursor with the size clamped to the source’s limits', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const at = checkPosition(sources.users, { cursor: 'abc+/=', size: 500 });
    expect(at).toMatchObject({ size: 100, direction: 'after', cursor: 'abc+/=' });
    expect(at.request.query).toMatchObject({ count: '100', cursor: 'abc+/=' });
  });

  it('refuses a direction the source cannot page, and around without a cursor', () => {
    expect(() => checkPosition(sources.users, { cursor: 'x', direction: 'before' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_DIRECTION' }),
    );
    expect(() =>
      checkPosition(sources.conversations, { cursor: null, direction: 'around' }),
    ).toThrow(/without a cursor/);
    expect(() => checkPosition(sources.adjustments, { cursor: '2', direction: 'around' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_DIRECTION' }),
    );
  });

  it('reads page numbers of page-number sources, refusing what is not one', () => {
    expect(checkPosition(sources.adjustments, { cursor: null }).page).toBe(1);
    expect(checkPosition(sources.adjustments, { cursor: '7' }).request.query).toMatchObject({
      pageNumber: '7',
    });
    for (const bad of ['0', '1e3', 'abc', ' 2', '-1'])
      expect(() => checkPosition(sources.adjustments, { cursor: bad })).toThrow(
        expect.objectContaining({ code: 'INVALID_CURSOR' }),
      );
  });

  it('gives INVALID_SIZE for a size that is not a number', () => {
    expect(() => checkPosition(sources.users, { cursor: null, size: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'INVALID_SIZE' }),
    );
  });

  it('turns a bug in a source’s own request() into BAD_REQUEST naming the source', () => {
    const source = defineCursorSource<{ id: string }, { status: string }>({
      provider: 'helpdesk',
      limits: { min: 1, max: 10, default: 10 },
      key: (t) => t.id,
      // A bug: params are undefined when the list has none.
      request: ({ params }) => ({ method: 'GET', path: '/t', query: { status: params!.status } }),
      parse: () => ({ items: [], next: null }),
    });
    const error = (() => {
      try {
        checkPosition(source, { cursor: null, size: 10 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', provider: 'helpdesk' });
    expect((error as Error).message).toMatch(/request\(\) threw/);
  });
});
