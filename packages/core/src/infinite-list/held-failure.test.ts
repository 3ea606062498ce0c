import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import { FailureHold } from './held-failure.js';
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

describe('a failure held through a write', () => {
  it('shows what failed in a snapshot that lost it, through a refetch of the pages held', () => {
    const hold = new FailureHold();
    hold.keep(snapshot()); // nothing failed: nothing kept
    expect(hold.apply(snapshot())).toMatchObject({ failed: undefined, error: null });
    hold.keep(snapshot({ failed: 'next', error }));
    expect(hold.apply(snapshot())).toMatchObject({ failed: 'next', error, data });
    // A refetch from outside reads the pages held, not the one that failed: still said.
    expect(hold.apply(snapshot({ fetching: 'all' }))).toMatchObject({ failed: 'next', error });
    // Another failure of its own wins.
    const other = new PaginationError('RATE_LIMITED', 'HTTP 429', { provider: 'dashly' });
    expect(hold.apply(snapshot({ failed: 'all', error: other })).error).toBe(other);
    expect(hold.apply(snapshot())).toMatchObject({ failed: 'next', error });
  });

  it('lets go once what failed is fetched again, or when cleared', () => {
    const hold = new FailureHold();
    hold.keep(snapshot({ failed: 'previous', error }));
    // The retry of that edge: from now on, that fetch says how it went.
    expect(hold.apply(snapshot({ fetching: 'previous' })).failed).toBeUndefined();
    expect(hold.apply(snapshot()).failed).toBeUndefined();
    hold.keep(snapshot({ failed: 'all', error }));
    hold.clear();
    const plain = snapshot();
    expect(hold.apply(plain)).toBe(plain);
  });
});
