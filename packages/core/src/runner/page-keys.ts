/**
 * The keys the runner computed for a page's items while checking them, by the page's items
 * array, with the items they were computed for: a walk that de-duplicates reads a key here
 * instead of computing it again, when the item at that index is still the one checked (a runner
 * of your own may reorder or replace items in place). Internal: not exported from any entry.
 */
export interface CheckedKeys {
  readonly items: readonly unknown[];
  readonly keys: readonly string[];
}

export const pageKeys = new WeakMap<readonly unknown[], CheckedKeys>();
