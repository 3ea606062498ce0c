import type { Source } from '@pagewise/core';
import type { QueryKey } from '@tanstack/react-query';

const ids = new WeakMap<object, number>();
let nextId = 0;

/**
 * The base query key of a source: `['pagewise', provider, n]`, where n identifies the source
 * object. Pass your own `queryKey` to share a cache entry across source objects (or across
 * server and client).
 */
export function sourceQueryKey(source: Source<unknown>, queryKey?: QueryKey): QueryKey {
  if (queryKey) return queryKey;
  let id = ids.get(source);
  if (id === undefined) {
    id = ++nextId;
    ids.set(source, id);
  }
  return ['pagewise', source.provider, id];
}
