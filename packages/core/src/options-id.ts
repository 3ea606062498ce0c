import { keySafe } from './shared/key-safe.js';

/**
 * An adapter's identity from its options, for cache keys: the options as JSON, functions and
 * `credentials` left out, values under a credential's name (`query: { api_key }`) fingerprinted.
 * The same options written the same way give the same identity (a source rebuilt on every render
 * keeps its cache), and the identity never holds a secret.
 */
export function optionsId(provider: string, style: string, options: object): string {
  const { credentials: _secret, ...rest } = options as { credentials?: unknown };
  return `${provider}:${style}:${JSON.stringify(keySafe(rest))}`;
}
