import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.js';

describe('batcher', () => {
  it('runs a refresh asked for during a refresh once after it, never nested', () => {
    const log: string[] = [];
    let depth = 0;
    let asks = 2;
    const batcher = createBatcher(() => {
      depth++;
      log.push(`run at depth ${depth}`);
      if (asks-- > 0) batcher.run();
      depth--;
    });
    batcher.run();
    expect(log).toEqual(['run at depth 1', 'run at depth 1', 'run at depth 1']);
  });

  it('holds refreshes asked for inside a change; the refresh in progress runs again after', () => {
    let runs = 0;
    let held = false;
    const batcher = createBatcher(() => {
      runs++;
      if (!held) {
        held = true;
        batcher.hold(() => batcher.run());
      }
    });
    batcher.run();
    expect(runs).toBe(2);
  });

  it('a refresh that throws leaves the batcher usable', () => {
    let fail = true;
    let runs = 0;
    const batcher = createBatcher(() => {
      runs++;
      if (fail) throw new Error('boom');
    });
    expect(() => batcher.run()).toThrow('boom');
    fail = false;
    batcher.run();
    expect(runs).toBe(2);
  });
});
