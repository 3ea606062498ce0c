/**
 * An adapter's identity from its options, for cache keys: the options as JSON, functions and
 * credentials left out. The same options written the same way give the same identity (a source
 * rebuilt on every render keeps its cache).
 */
export function optionsId(provider: string, style: string, options: object): string {
  const { credentials: _secret, ...rest } = options as { credentials?: unknown };
  return `${provider}:${style}:${JSON.stringify(rest)}`;
}
