import type { ListSnapshot } from './list-cache.js';

/** A fetch that failed, with its error. */
export type HeldFailure = Pick<ListSnapshot<unknown>, 'failed' | 'error'>;

/**
 * The failure a snapshot shows, to keep through a live refresh of the newest edge: a refresh
 * writes pages, and a cache forgets its error on a write (TanStack Query's `setQueryData`), so
 * a failed "Load older" would be lost, its Retry gone, nothing loaded.
 */
export const failureOf = ({ failed, error }: HeldFailure): HeldFailure | undefined =>
  failed && { failed, error };

/** The snapshot with `held` in it while nothing else failed and nothing is on its way. */
export function holdFailure<T>(
  snapshot: ListSnapshot<T>,
  held: HeldFailure | undefined,
): ListSnapshot<T> {
  return held && !snapshot.failed && !snapshot.fetching ? { ...snapshot, ...held } : snapshot;
}
