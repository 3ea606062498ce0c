import { describe, expect, it } from 'vitest';
import { fakeLiveEnvironment } from '../test-support/fake-live-environment.js';
import { startLiveEdge } from './live-edge.js';

describe('live edge', () => {
  it('refreshes on every tick while active, never while hidden, and at once when woken', () => {
    const env = fakeLiveEnvironment();
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
    const env = fakeLiveEnvironment();
    for (const interval of [undefined, 0, -5, Number.NaN]) startLiveEdge(env, interval, () => {});
    expect(env.running()).toBe(0);
  });
});
