import type { RequestRunner, Source } from '@pagewise/core';
import type {
  InfiniteListController,
  InfiniteListOptions,
  InfiniteListState,
} from '@pagewise/core/controllers';
import type { QueryKey } from '@tanstack/react-query';

export interface UseInfiniteListOptions<T, P = unknown>
  extends Omit<InfiniteListOptions<T, P>, 'cache' | 'runner' | 'source' | 'queryKey'> {
  source: Source<T, P>;
  /** The runner. @defaultValue the nearest `PagewiseProvider`'s */
  runner?: RequestRunner | undefined;
  /** The base of the list's query key. @defaultValue `sourceQueryKey(source)` */
  queryKey?: QueryKey | undefined;
}

/** An infinite list: what to render, and its commands (bound, stable across renders). */
export interface InfiniteList<T>
  extends InfiniteListState<T>,
    Omit<InfiniteListController<T>, 'getState' | 'subscribe' | 'setOptions'> {}
