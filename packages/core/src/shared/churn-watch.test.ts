import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChurnWatch } from './churn-watch.js';

afterEach(() => vi.restoreAllMocks());

describe('churn watch', () => {
  it('warns once when a key changes more than 10 times in 2 s, not for changes spread out', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let t = 0;
    const slow = createChurnWatch('slow table', () => t);
    for (let i = 0; i < 30; i++) {
      t += 500;
      slow(`k${i}`);
    }
    expect(warn).not.toHaveBeenCalled();
    const fast = createChurnWatch('fast table', () => t);
    for (let i = 0; i < 30; i++) fast(`k${i}`);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /fast table: the source or its params changed 11 times/,
    );
  });
});
