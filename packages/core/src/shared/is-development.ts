/**
 * Development warnings are written behind `process.env.NODE_ENV !== 'production'` at each call,
 * as React and TanStack Query do: bundlers replace the expression, and a production bundle drops
 * the warning, its text and the code that only feeds it. `warnOnce` itself is never the check.
 */
const warned = new Set<string>();

/** A development warning, once per text. Call it behind `process.env.NODE_ENV !== 'production'`. */
export function warnOnce(text: string): void {
  if (warned.has(text)) return;
  warned.add(text);
  console.warn(`[pagewise] ${text}`);
}
