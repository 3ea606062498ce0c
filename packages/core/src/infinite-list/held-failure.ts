import type { ListSnapshot } from './list-cache.js';

/** A fetch that failed, with its error. */
type Failure = Pick<ListSnapshot<unknown>, 'failed' | 'error'>;

/**
 * A list's failure, kept through a live refresh of its newest edge: a refresh writes pages, and
 * a cache forgets its error on a write (TanStack Query's `setQueryData`), so a failed "Load
 * older" would be lost, its Retry gone, nothing loaded. It is said until what failed is fetched
 * again (a retry; then that fetch says how it went), or `clear()` (new parameters, a refetch).
 * A refetch from outside (`invalidateQueries` after a mutation) reads the pages held, not the one
 * that failed: the failure stays said through it.
 */
export class FailureHold {
  #held: Failure | undefined;

  /** Keeps what `snapshot` shows failed, before a write that would forget it. */
  keep({ failed, error }: Failure): void {
    if (failed) this.#held ??= { failed, error };
  }

  clear(): void {
    this.#held = undefined;
  }

  /** The snapshot with the failure kept in it, while nothing else failed. */
  apply<T>(snapshot: ListSnapshot<T>): ListSnapshot<T> {
    if (this.#held && snapshot.fetching === this.#held.failed) this.#held = undefined;
    return this.#held && !snapshot.failed ? { ...snapshot, ...this.#held } : snapshot;
  }
}
