import { describe, expect, it } from 'vitest';
import { createProgressGuard, cursorCycle } from './progress-guard.js';

describe('progress guard', () => {
  it('stops after 3 pages in a row that bring no new item; progress resets the count', () => {
    const guard = createProgressGuard('v');
    expect(guard.count(0, 5)).toBeUndefined();
    expect(guard.count(0, 5)).toBeUndefined();
    expect(guard.count(2, 5)).toBeUndefined();
    expect(guard.count(0, 5)).toBeUndefined();
    expect(guard.count(0, 5)).toBeUndefined();
    expect(guard.count(0, 5)).toMatchObject({
      code: 'CURSOR_LOOP',
      reason:
        '3 pages that bring no new item (the vendor repeats itself) in a row; stopping instead of fetching forever',
    });
  });

  it('stops after 20 empty pages that still point further, and catches empty and repeated pages alternating', () => {
    const guard = createProgressGuard('v');
    for (let i = 0; i < 19; i++) expect(guard.count(0, 0)).toBeUndefined();
    expect(guard.count(0, 0)?.reason).toMatch(/^20 empty pages that still point further in a row/);
    const alternating = createProgressGuard('v', { maxEmptyPages: 50 });
    const stops = Array.from({ length: 6 }, (_, i) => alternating.count(0, i % 2 ? 0 : 4));
    expect(stops.findIndex((e) => e !== undefined)).toBe(4);
  });

  it('lets the pages read again after a restart repeat without counting', () => {
    const guard = createProgressGuard('v', { maxRepeatedPages: 2 });
    guard.allowRepeats(3);
    for (let i = 0; i < 3; i++) expect(guard.count(0, 5)).toBeUndefined();
    expect(guard.count(0, 5)).toBeUndefined();
    expect(guard.count(0, 5)?.code).toBe('CURSOR_LOOP');
  });

  it('says a cycle without the cursor (a link cursor may carry a credential)', () => {
    expect(cursorCycle('v')).toMatchObject({
      code: 'CURSOR_LOOP',
      reason: 'the vendor handed out a cursor it handed out before; stopping instead of looping',
    });
  });
});
