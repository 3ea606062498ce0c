/**
 * Where a live list runs: a clock, and whether the user can see it. A hidden tab or an offline
 * laptop sends no request; the list refreshes at once when it is seen again.
 */
export interface LiveEnvironment {
  /** Calls `tick` every `ms`; returns how to stop. */
  every(ms: number, tick: () => void): () => void;
  /** Whether a refresh is worth sending now (the page visible, the browser online). */
  active(): boolean;
  /** Calls `wake` when the page becomes visible or the browser comes back online; returns how to stop. */
  onWake(wake: () => void): () => void;
}

/** The browser's clock, page visibility and online state; on a server, the clock alone. */
export function browserLiveEnvironment(): LiveEnvironment {
  const doc = typeof document === 'undefined' ? undefined : document;
  const win = typeof window === 'undefined' ? undefined : window;
  return {
    every(ms, tick) {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
    active: () =>
      doc?.visibilityState !== 'hidden' &&
      (typeof navigator === 'undefined' || navigator.onLine !== false),
    onWake(wake) {
      doc?.addEventListener('visibilitychange', wake);
      win?.addEventListener('online', wake);
      return () => {
        doc?.removeEventListener('visibilitychange', wake);
        win?.removeEventListener('online', wake);
      };
    },
  };
}

/**
 * Keeps a list's newest edge live: `refresh` every `interval` ms while the environment is
 * active, and at once when it wakes. Returns how to stop; an interval that is not a positive
 * number starts nothing.
 */
export function startLiveEdge(
  environment: LiveEnvironment,
  interval: number | undefined,
  refresh: () => void,
): () => void {
  if (interval === undefined || !(interval > 0)) return () => {};
  const tick = () => {
    if (environment.active()) refresh();
  };
  const stopClock = environment.every(interval, tick);
  const stopWake = environment.onWake(tick);
  return () => {
    stopClock();
    stopWake();
  };
}
