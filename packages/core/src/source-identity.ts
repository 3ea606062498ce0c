import { fingerprint } from './shared/fingerprint.js';
import type { Source } from './types.js';

/**
 * A source's stable identity, for cache keys: its `id` when it declares one (every adapter does,
 * from its options), else the provider with a fingerprint of the first request it makes (a
 * fingerprint, so a credential in that request never shows in a query key). Two source objects
 * built the same way — one per render, say — have the same identity, so they share cached pages
 * instead of fetching again.
 */
export function sourceIdentity(source: Source<unknown>): string {
  if (source.id) return source.id;
  try {
    const request =
      source.kind === 'page'
        ? source.request({ page: source.firstPage, size: source.limits.default })
        : source.request({ cursor: null, direction: 'after', size: source.limits.default });
    return `${source.provider}:${source.kind}:${fingerprint(JSON.stringify(request))}`;
  } catch {
    // A request that cannot be built without parameters: the source's code stands for it, so two
    // different sources of one provider do not share a key.
    return `${source.provider}:${source.kind}:${fingerprint(String(source.request))}`;
  }
}

/** The base cache key of a source: `['pagewise', provider, identity]`, unless one is given. */
export function sourceScope(
  source: Source<unknown>,
  queryKey?: readonly unknown[],
): readonly unknown[] {
  return queryKey ?? ['pagewise', source.provider, sourceIdentity(source)];
}
