/**
 * Runs a controller's refresh so that it never runs inside itself: a refresh asked for while
 * one runs (a listener that calls a command, a cache that notifies while it is written to) or
 * while refreshes are held runs once more right after, not nested.
 */
export interface Batcher {
  /** Runs the refresh now, or once more when the one in progress (or the hold) ends. */
  run(): void;
  /** Runs `change` with refreshes held: whatever it asks for runs after the refresh in progress. */
  hold(change: () => void): void;
}

export function createBatcher(refresh: () => void): Batcher {
  let running = false;
  let again = false;
  let held = 0;
  return {
    run() {
      if (running || held > 0) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          refresh();
        } while (again);
      } finally {
        running = false;
      }
    },
    hold(change) {
      held++;
      try {
        change();
      } finally {
        held--;
      }
    },
  };
}
