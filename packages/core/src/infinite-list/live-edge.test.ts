import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import { fakeLiveEnvironment } from '../test-support/fake-live-environment.js';
import { startLiveEdge } from './live-edge.js';

describe('live edge', () => {
  it('refreshes on every tick while active, never while hidden, and at once when woken', () => {
    const env = fakeLiveEnvironment();
    let refreshes = 0;
    const stop = startLiveEdge(env, 1000, () => {
      refreshes++;
      return undefined;
    });
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
    for (const interval of [undefined, 0, -5, Number.NaN])
      startLiveEdge(env, interval, () => undefined);
    expect(env.running()).toBe(0);
  });

  it('backs off while polls fail (1, 3, 7 polls skipped), at least the Retry-After, and polls every tick again once one works', async () => {
    const env = fakeLiveEnvironment();
    const outcomes: Array<PaginationError | null | undefined> = [];
    let polls = 0;
    startLiveEdge(env, 1000, async () => {
      polls++;
      return outcomes.shift() ?? null;
    });
    const failed = (retryAfterMs?: number) =>
      new PaginationError('SERVER_ERROR', 'HTTP 503', { provider: 'test', retryAfterMs });
    const ticks = async (n: number) => {
      const sent: number[] = [];
      for (let i = 1; i <= n; i++) {
        const before = polls;
        env.tick();
        await Promise.resolve();
        await Promise.resolve();
        if (polls > before) sent.push(i);
      }
      return sent;
    };
    outcomes.push(failed(), failed(), failed());
    // Polls at 1 (fails), skips 1, 3 (fails), skips 3, 7 (fails), skips 7, 15 (works), then every tick.
    expect(await ticks(18)).toEqual([1, 3, 7, 15, 16, 17, 18]);
    // A poll that sent nothing (undefined) changes nothing; a Retry-After of 10 s skips 9 polls.
    outcomes.push(undefined, failed(10_000));
    expect(await ticks(12)).toEqual([1, 2, 12]);
    // The longest backoff is a minute: 59 polls at 1 s, however many failed.
    outcomes.push(...Array.from({ length: 8 }, () => failed()));
    const sent = await ticks(300);
    const gaps = sent.slice(1, 10).map((n, i) => n - (sent[i] as number));
    expect(gaps).toEqual([2, 4, 8, 16, 32, 60, 60, 60, 1]);
  });

  it('a wake polls at once, whatever the backoff', async () => {
    const env = fakeLiveEnvironment();
    let polls = 0;
    startLiveEdge(env, 1000, async () => {
      polls++;
      return new PaginationError('NETWORK', 'offline', { provider: 'test' });
    });
    for (let i = 0; i < 3; i++) {
      env.tick();
      await Promise.resolve();
      await Promise.resolve();
    }
    expect(polls).toBe(2); // 1 fails, 2 skipped, 3 fails: 3 to skip now
    env.wake();
    expect(polls).toBe(3);
  });
});
