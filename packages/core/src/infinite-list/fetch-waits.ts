import type { RequestRunner, RetryWait } from '../runner/runner-types.js';

/**
 * The wait a list shows as `retrying`: the latest wait of one of its own fetches for another
 * attempt (a 429, a 5xx), from the moment the runner tells it until that request ends — and
 * only while the list still has the parameters (`key()`) the request was made for.
 */
export class FetchWaits {
  #shown: { wait: RetryWait; key: string } | undefined;
  readonly #changed: () => void;
  readonly #key: () => string;

  /** `changed` is called (after the request's own turn) whenever the wait shown changes. */
  constructor(changed: () => void, key: () => string) {
    this.#changed = changed;
    this.#key = key;
  }

  get wait(): RetryWait | undefined {
    return this.#shown?.key === this.#key() ? this.#shown.wait : undefined;
  }

  #show(shown: { wait: RetryWait; key: string } | undefined) {
    this.#shown = shown;
    // After the request's own turn: a listener's throw cannot fail the request.
    queueMicrotask(this.#changed);
  }

  /** `runner`, the waits of its page requests shown (for the list's parameters now). */
  watch(runner: RequestRunner): RequestRunner {
    const key = this.#key();
    return {
      ...runner,
      fetchPage: (source, position, options) => {
        let mine: { wait: RetryWait; key: string } | undefined;
        const onRetry = (wait: RetryWait) => {
          options?.onRetry?.(wait);
          mine = { wait, key };
          this.#show(mine);
        };
        return runner.fetchPage(source, position, { ...options, onRetry }).finally(() => {
          if (mine && this.#shown === mine) this.#show(undefined);
        });
      },
    };
  }
}
