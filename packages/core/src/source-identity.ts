import { redactRequest } from './redact.js';
import { stableJson } from './stable-json.js';
import type { Source } from './types.js';

/**
 * A source's stable identity, for cache keys: its `id` when it declares one (every adapter does,
 * from its options), else the provider with the first request it makes, credentials redacted.
 * Two source objects built the same way — one per render, say — have the same identity, so they
 * share cached pages instead of fetching again.
 */
export function sourceIdentity(source: Source<unknown>): string {
  if (source.id) return source.id;
  try {
    const request =
      source.kind === 'page'
        ? source.request({ page: source.firstPage, size: source.limits.default })
        : source.request({ cursor: null, direction: 'after', size: source.limits.default });
    return `${source.provider}:${source.kind}:${stableJson(redactRequest(request))}`;
  } catch {
    return `${source.provider}:${source.kind}`;
  }
}
