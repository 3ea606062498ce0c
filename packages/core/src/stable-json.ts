/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

/** An adapter's identity from its options (functions and credentials left out). */
export function optionsId(provider: string, style: string, options: object): string {
  const { credentials: _secret, ...rest } = options as { credentials?: unknown };
  return `${provider}:${style}:${stableJson(rest)}`;
}
