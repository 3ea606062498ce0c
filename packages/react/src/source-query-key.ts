import type { Source } from '@pagewise/core';
import { sourceScope } from '@pagewise/core/controllers';
import type { QueryKey } from '@tanstack/react-query';

/**
 * The base query key of a source: `['pagewise', provider, identity]`, where the identity comes
 * from how the source was built (its adapter options, or its first request), never from the
 * object: a source created on every render keeps its cache. Every query a hook makes for the
 * source starts with it, so `queryClient.invalidateQueries({ queryKey: sourceQueryKey(source) })`
 * refetches them all after a mutation. Pass your own `queryKey` to a hook to choose the key.
 */
export function sourceQueryKey(source: Source<unknown>, queryKey?: QueryKey): QueryKey {
  return sourceScope(source, queryKey) as QueryKey;
}
