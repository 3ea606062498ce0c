'use client';
import type { Source } from '@pagewise/core';
import { createInfiniteList } from '@pagewise/core/controllers';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { warnMissedPrefetch } from './missed-prefetch.js';
import { usePagewiseDefaults, useRunner } from './pagewise-provider.js';
import { queryListCache } from './query-list-cache.js';
import { useController } from './use-controller.js';
import type { InfiniteList, UseInfiniteListOptions } from './use-infinite-list.types.js';

/**
 * Infinite scroll over any source: `createInfiniteList` (from `@pagewise/core/controllers`)
 * bound to React, with TanStack Query's infinite query as its cache — forward-only sources slide
 * a `maxPages` window back up, a vendor that loops stops the list with `CURSOR_LOOP`, and the
 * newest edge can be refreshed (or kept live) with one small request.
 */
export function useInfiniteList<T, P = unknown>(
  options: UseInfiniteListOptions<T, P>,
): InfiniteList<T> {
  const client = useQueryClient();
  const runner = useRunner(options.runner, 'useInfiniteList');
  const defaults = usePagewiseDefaults();
  const config = {
    ...options,
    source: options.source as Source<T, P>,
    runner,
    staleTime: options.staleTime ?? defaults.staleTime,
  };
  const create = () => createInfiniteList<T, P>({ ...config, cache: queryListCache<T>(client) });
  const [state, list] = useController(create, config, client);
  if (process.env.NODE_ENV !== 'production')
    warnMissedPrefetch(client, 'useInfiniteList', {
      source: config.source,
      queryKey: config.queryKey,
      loading: state.isLoading,
    });
  return useMemo(() => {
    // The controller's commands are its own bound fields: all but its state and binding methods.
    const { getState: _get, subscribe: _subscribe, setOptions: _set, ...commands } = list;
    return { ...state, ...commands };
  }, [state, list]);
}
