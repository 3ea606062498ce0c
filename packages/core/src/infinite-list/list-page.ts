import type { PaginationError } from '../pagination-error.js';
import type { FetchedPage } from '../runner/runner-types.js';
import type { Cursor, Direction } from '../types.js';

/** Where a page of an infinite list starts. */
export interface ListPageParam {
  cursor: Cursor | null;
  direction: Direction;
}

/** A page of an infinite list: the fetched page, and why the list stops growing past it. */
export interface ListPage<T> extends FetchedPage<T> {
  /** Set when the list must not grow past this page: the vendor looped or stopped making progress. */
  stop?: PaginationError | undefined;
  /**
   * Brought by a live refresh (`liveEdge`): what lies beyond it at the newest edge (more than a
   * page arrived) arrived too, so the live edge goes on refreshing past it.
   */
  arrived?: true | undefined;
}

/** The pages a list holds, each with the position it was fetched at (TanStack Query's `InfiniteData`). */
export interface ListData<T> {
  pages: ListPage<T>[];
  pageParams: ListPageParam[];
}

/** Which end of a list: its start (first page) or its end (last page). */
export type ListEdge = 'start' | 'end';
