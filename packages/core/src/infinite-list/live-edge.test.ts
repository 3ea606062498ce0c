import { describe, expect, it } from 'vitest';
import { type LiveEnvironment, startLiveEdge } from './live-edge.js';

/** A clock the test advances, and a visibility it sets. */
function fakeEnvironment() {
  const ticks: Array<() => void> = [];
  const wakes: Array<() => void> = [];
  const env = {
    visible: true,
    every: (_ms: number, tick: () => void) => {
      ticks.push(tick);
      return () => ticks.splice(ticks.indexOf(tick), 1);
    },
    active: () => env.visible,
    onWake: (wake: () => void) => {
      wakes.push(wake);
      return () => wakes.splice(wakes.indexOf(wake), 1);
    },
    tick: () => {
      for (const t of [...ticks]) t();
    },
    wake: () => {
      for (const w of [...wakes]) w();
    },
    running: () => ticks.length + wakes.length,
  };
  return env satisfies LiveEnvironment;
}

describe('live edge', () => {
  it('refreshes on every tick while active, never while hidden, and at once when woken', () => {
    const env = fakeEnvironment();
    let refreshes = 0;
    const stop = startLiveEdge(env, 1000, () => refreshes++);
    env.tick();
    env.tick();
    expect(refreshes).toBe(2);
    env.visible = false;
    env.tick();
    env.wake();
    expect(refreshes).toBe(2);
    env.visible = true;
    env.wake();
    expect(refreshes).toBe(3);
    stop();
    expect(env.running()).toBe(0);
  });

  it('starts nothing without a positive interval', () => {
    const env = fakeEnvironment();
    for (const interval of [undefined, 0, -5, Number.NaN]) startLiveEdge(env, interval, () => {});
    expect(env.running()).toBe(0);
  });
});
