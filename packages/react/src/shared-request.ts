interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const inFlight = new WeakMap<object, Map<string, InFlight>>();

/**
 * Runs `start` once for concurrent callers with the same `key` (within one `scope`, such as a
 * QueryClient). When every caller's signal has aborted, the request lingers for one task before it
 * is aborted: a caller that comes straight back — React StrictMode's unmount and remount, which
 * makes TanStack Query cancel and restart a query — joins it instead of starting a second one.
 * A request nobody comes back for (a stale page after a rapid click, an unmount) is aborted; one
 * with a caller that has no signal is let finish.
 */
export function sharedRequest<T>(
  scope: object,
  key: string,
  signal: AbortSignal | undefined,
  start: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  let requests = inFlight.get(scope);
  if (!requests) {
    requests = new Map();
    inFlight.set(scope, requests);
  }
  const table = requests;
  let entry = table.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created = { controller, waiters: 0 } as InFlight;
    created.promise = start(controller.signal).finally(() => {
      if (table.get(key) === created) table.delete(key);
    });
    table.set(key, created);
    entry = created;
  }
  const joined = entry;
  joined.waiters++;
  clearTimeout(joined.timer);
  joined.timer = undefined;
  const leave = () => {
    joined.waiters--;
    if (joined.waiters > 0) return;
    joined.timer = setTimeout(() => {
      if (joined.waiters > 0) return;
      if (table.get(key) === joined) table.delete(key);
      joined.controller.abort(signal?.reason);
    }, 0);
  };
  // A caller without a signal (a page fetched ahead) stays until the request ends.
  if (signal?.aborted) leave();
  else signal?.addEventListener('abort', leave, { once: true });
  return joined.promise as Promise<T>;
}
