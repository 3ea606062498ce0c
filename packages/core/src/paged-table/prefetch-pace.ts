/**
 * How many pages to keep ahead of the reader: enough to cover the API's latency at the pace the
 * user turns pages, `⌈latency / pause⌉`, between 1 and `max`. Both are running averages (the
 * last turns count most); pauses longer than 10 s are reading, not paging, and are left out.
 */
export interface PrefetchPace {
  /** The user turned a page at `now` (ms). */
  turned(now: number): void;
  /** A page took `ms` to arrive. */
  loaded(ms: number): void;
  depth(): number;
}

const READING_MS = 10_000;
const average = (old: number | undefined, value: number) =>
  old === undefined ? value : old * 0.5 + value * 0.5;

export function prefetchPace(max = 3): PrefetchPace {
  let latency: number | undefined;
  let pause: number | undefined;
  let lastTurn: number | undefined;
  return {
    turned(now) {
      if (lastTurn !== undefined && now - lastTurn < READING_MS)
        pause = average(pause, Math.max(1, now - lastTurn));
      lastTurn = now;
    },
    loaded(ms) {
      latency = average(latency, Math.max(0, ms));
    },
    depth() {
      if (latency === undefined || pause === undefined) return Math.min(1, max);
      return Math.max(Math.min(1, max), Math.min(max, Math.ceil(latency / pause)));
    },
  };
}
