import type { RequestRunner, RetryWait } from '../runner/runner-types.js';

/** The wait a list shows as `retrying`, and the runner whose page requests tell it. */
export interface FetchWaits {
  readonly wait: RetryWait | undefined;
  /** `runner`, the waits of its page requests shown (for the list's parameters now). */
  watch(runner: RequestRunner): RequestRunner;
}

/**
 * The latest wait of one of a list's own fetches for another attempt (a 429, a 5xx), from the
 * moment the runner tells it until that request ends — and only while the list still has the
 * parameters (`key()`) the request was made for. `changed` is called (after the request's own
 * turn, so a listener's throw cannot fail it) whenever the wait shown changes.
 */
export function fetchWaits(changed: () => void, key: () => string): FetchWaits {
  let shown: { wait: RetryWait; key: string } | undefined;
  const show = (next: typeof shown) => {
    shown = next;
    queueMicrotask(changed);
  };
  return {
    get wait() {
      return shown?.key === key() ? shown.wait : undefined;
    },
    watch(runner) {
      const at = key();
      return {
        ...runner,
        fetchPage: (source, position, options) => {
          let mine: typeof shown;
          const onRetry = (wait: RetryWait) => {
            options?.onRetry?.(wait);
            mine = { wait, key: at };
            show(mine);
          };
          return runner.fetchPage(source, position, { ...options, onRetry }).finally(() => {
            if (mine && shown === mine) show(undefined);
          });
        },
      };
    },
  };
}
