/**
 * JSON with object keys sorted: equal values give equal text, however their objects were
 * written (`{ a, b }` and `{ b, a }`). The one text every key of the kit is compared by.
 */
export function stableText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

/**
 * Whether two option values are the same: the same reference, or equal plain data. An object
 * with a function among its members (a source, a runner) is compared by reference: two sources
 * that differ only in their `request` would otherwise look equal.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const plain = (v: object) =>
    (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) &&
    !Object.values(v).some((member) => typeof member === 'function');
  return plain(a) && plain(b) && stableText(a) === stableText(b);
}

/** Whether any option value changed (functions are read when they are called: never news). */
export function changedAny<O extends object>(next: O, before: O): boolean {
  const keys = Object.keys(next) as Array<keyof O>;
  return keys.some((k) => typeof next[k] !== 'function' && !sameValue(next[k], before[k]));
}
