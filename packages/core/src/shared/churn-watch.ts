import { warnOnce } from './is-development.js';

/**
 * Warns once, in development, when a controller's cache key changes on nearly every update: a
 * source whose first request differs each time (a timestamp in it) or parameters rebuilt with
 * new values each render. Each such key is a new list, fetched again.
 */
export function createChurnWatch(
  what: string,
  now: () => number = Date.now,
): (key: string) => void {
  let changes: number[] = [];
  let warned = false;
  return (key) => {
    if (warned) return;
    const at = now();
    changes = [...changes.filter((t) => at - t < 2000), at];
    warned = changes.length > 10;
    if (warned)
      warnOnce(
        `${what}: the source or its params changed ${changes.length} times in 2 s, each a new list fetched again. Build the source once (module scope or useMemo), keep params equal between renders (a new object with equal values is fine), and debounce params that follow typing (useTableState debounces its search); the key now is ${key}`,
      );
  };
}
