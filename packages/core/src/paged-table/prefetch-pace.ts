/**
 * How many pages to keep ahead of the reader: enough to cover the API's latency at the pace the
 * user turns pages, `⌈latency / pause⌉`, between 1 and `max`. The pause is the time the user
 * spends on a page once its rows are there (from the landing to the next turn; a turn before the
 * rows landed is a pause of the time since the last turn), so waiting for a slow page does not
 * count as reading it. Both are running averages (the last turns count most), except that a
 * shorter pause is taken at once: a user who starts paging quickly finds the next pages there
 * from the next turn on, while one who slows down keeps the pages ahead a few turns longer.
 * Pauses longer than 10 s are reading, not paging, and are left out.
 */
export interface PrefetchPace {
  /** The user turned a page at `now` (ms). */
  turned(now: number): void;
  /** The rows of the requested page are on screen, at `now` (ms): the first call after a turn counts. */
  landed(now: number): void;
  /** A page took `ms` to arrive. */
  loaded(ms: number): void;
  depth(): number;
}

const READING_MS = 10_000;
const average = (old: number | undefined, value: number) =>
  old === undefined ? value : old * 0.5 + value * 0.5;

/** `max` may be read afresh each time (a table's `prefetch` option, changed after it was made). */
export function prefetchPace(max: number | (() => number) = 3): PrefetchPace {
  let latency: number | undefined;
  let pause: number | undefined;
  let lastTurn: number | undefined;
  let landedAt: number | undefined;
  return {
    turned(now) {
      const since = landedAt ?? lastTurn;
      const last = since === undefined ? undefined : Math.max(1, now - since);
      if (last !== undefined && last < READING_MS)
        pause = pause === undefined || last < pause ? last : average(pause, last);
      lastTurn = now;
      landedAt = undefined;
    },
    landed(now) {
      if (landedAt === undefined) landedAt = now;
    },
    loaded(ms) {
      latency = average(latency, Math.max(0, ms));
    },
    depth() {
      const most = typeof max === 'function' ? max() : max;
      if (latency === undefined || pause === undefined) return Math.min(1, most);
      return Math.max(Math.min(1, most), Math.min(most, Math.ceil(latency / pause)));
    },
  };
}
