/**
 * The keys the runner computed for a page's items while checking them, by the page's items
 * array: a walk that de-duplicates reads them here instead of computing every key again.
 * Internal (not exported from any entry); a page whose items were replaced has none.
 */
export const pageKeys = new WeakMap<readonly unknown[], readonly string[]>();
