import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import { failureOf, holdFailure } from './held-failure.js';
import type { ListSnapshot } from './list-cache.js';

const error = new PaginationError('SERVER_ERROR', 'HTTP 500', { provider: 'dashly' });
const data = { pages: [], pageParams: [] };
const snapshot = (over: Partial<ListSnapshot<number>> = {}): ListSnapshot<number> => ({
  data,
  error: null,
  failed: undefined,
  fetching: undefined,
  isPlaceholderData: false,
  stale: false,
  ...over,
});

describe('a failed edge held through a write', () => {
  it('holds what failed, with its error, and nothing when nothing failed', () => {
    expect(failureOf(snapshot({ failed: 'previous', error }))).toEqual({
      failed: 'previous',
      error,
    });
    expect(failureOf(snapshot({ failed: 'all', error }))).toEqual({ failed: 'all', error });
    expect(failureOf(snapshot())).toBeUndefined();
  });

  it('shows the held failure in a snapshot that lost it, until something else fails or fetches', () => {
    const held = { failed: 'next' as const, error };
    expect(holdFailure(snapshot(), held)).toMatchObject({ failed: 'next', error, data });
    const other = new PaginationError('RATE_LIMITED', 'HTTP 429', { provider: 'dashly' });
    expect(holdFailure(snapshot({ failed: 'all', error: other }), held).error).toBe(other);
    expect(holdFailure(snapshot({ fetching: 'next' }), held).failed).toBeUndefined();
    const plain = snapshot();
    expect(holdFailure(plain, undefined)).toBe(plain);
  });
});
