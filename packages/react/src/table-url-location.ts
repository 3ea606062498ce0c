/**
 * Where a table's URL state is read and written: the app's router, or the browser's History API.
 * A router's location is given each render (its hooks are the app's); the History API's is
 * followed here.
 */
export interface TableLocation {
  /** The URL's query now (`?page=2&status=open`, or `''`). */
  search: string;
  /** Goes to the same path with another query, as a new history entry or in place of this one. */
  navigate(search: string, options: { replace: boolean }): void;
}

const EVENT = 'pagewise:navigate';
let patched = false;

/**
 * Makes `history.pushState` and `replaceState` by any code (a router, the app) observable: each
 * also dispatches a `pagewise:navigate` event on `window`. Installed once, on the first table
 * that keeps its state in the URL; the methods behave as before.
 */
function observeHistory(): void {
  if (patched || typeof window === 'undefined') return;
  patched = true;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = window.history[method];
    window.history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      window.dispatchEvent(new Event(EVENT));
      return result;
    };
  }
}

/** Calls `onChange` on any change of the URL: Back/Forward, and pushState/replaceState by any code. */
export function subscribeToLocation(onChange: () => void): () => void {
  observeHistory();
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

export const currentSearch = (): string => window.location.search;

/** Writes a query through the History API (no synthetic `popstate`: routers would take it for Back). */
export function historyNavigate(search: string, { replace }: { replace: boolean }): void {
  const { history, location } = window;
  history[replace ? 'replaceState' : 'pushState'](
    history.state,
    '',
    `${location.pathname}${search}${location.hash}`,
  );
}
