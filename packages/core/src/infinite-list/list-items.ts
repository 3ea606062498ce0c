/**
 * Every item of the pages in list order, each key once (the first time it appears): a vendor
 * that repeats an item across pages (inserts during a walk, overlapping windows) shows it once.
 */
export function listItems<T>(
  pages: ReadonlyArray<{ items: readonly T[] }>,
  key: (item: T) => string,
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      const k = key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/**
 * How many items the change from `before` to `after` added at the top: positive when items were
 * prepended (older messages loaded above, a refreshed head), negative when a window dropped
 * items from the top, 0 when the list changed only below its first item.
 */
export function prependedCount<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): number {
  const oldHead = before[0];
  const newHead = after[0];
  if (oldHead === undefined || newHead === undefined) return 0;
  const oldKey = key(oldHead);
  const added = after.findIndex((item) => key(item) === oldKey);
  if (added >= 0) return added;
  // The old head is gone: a window dropped items from the top.
  const newKey = key(newHead);
  const dropped = before.findIndex((item) => key(item) === newKey);
  return dropped > 0 ? -dropped : 0;
}
