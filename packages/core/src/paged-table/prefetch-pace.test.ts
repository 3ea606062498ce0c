import { describe, expect, it } from 'vitest';
import { prefetchPace } from './prefetch-pace.js';

describe('prefetch pace', () => {
  it('counts the time on a page from its rows landing, not the time spent waiting for them', () => {
    const pace = prefetchPace(3);
    pace.loaded(300);
    // Page 1 lands at 0; the user reads 100 ms, turns; page 2 takes 900 ms to land; 100 ms more.
    pace.landed(0);
    pace.turned(100);
    pace.landed(1000);
    pace.turned(1100);
    // 100 ms of reading against 300 ms of latency: three pages ahead, not one (1000 ms between turns).
    expect(pace.depth()).toBe(3);
  });

  it('keeps one page ahead for a reader, more for turns that come before the rows landed', () => {
    const reader = prefetchPace(3);
    reader.loaded(300);
    reader.landed(0);
    reader.turned(2000);
    expect(reader.depth()).toBe(1);
    const clicker = prefetchPace(3);
    clicker.loaded(300);
    clicker.landed(0);
    // Three turns 50 ms apart, none waiting for rows: each pause counts from the turn before.
    clicker.turned(50);
    clicker.turned(100);
    clicker.turned(150);
    expect(clicker.depth()).toBe(3);
  });

  it('follows a user who speeds up at once, and one who slows down over a few turns', () => {
    const pace = prefetchPace(3);
    pace.loaded(300);
    // Page 1 read for 5 s, then pages turned every 250 ms: two ahead from the first quick turn.
    pace.landed(0);
    pace.turned(5000);
    expect(pace.depth()).toBe(1);
    pace.landed(5000);
    pace.turned(5250);
    expect(pace.depth()).toBe(2);
    // Then a 1 s pause: 625 ms on average, one page ahead is enough again.
    pace.landed(5250);
    pace.turned(6250);
    expect(pace.depth()).toBe(1);
  });
});
