import { describe, expect, it } from 'vitest';
import { runSoak } from './soak.js';

describe('the fault soak (short version)', () => {
  it('loses and duplicates nothing on cursor sources and on the drift-repaired page-number walk, and reports the drift of the plain one', async () => {
    const results = await runSoak({ size: 3_000, seed: 7 });
    expect(results).toHaveLength(6);
    for (const r of results) {
      expect(r.duplicated).toBe(0);
      expect(Object.values(r.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      if (!r.offset) expect(r.lost).toBe(0);
    }
    expect(results.find((r) => r.walk.startsWith('DingTalk classes'))!.restarts).toBe(1);
    expect(results.filter((r) => r.tokenRefreshes > 0).length).toBeGreaterThan(0);
    for (const fault of ['redirect', 'drip'])
      expect(results.every((r) => (r.faults[fault] ?? 0) > 0)).toBe(true);
    const offset = results.find((r) => r.offset)!;
    expect(offset.drift).not.toBe('');
    // The same walk with drift repair asked for loses nothing, for about the same requests.
    const repaired = results.find((r) => r.walk.includes('repairDrift: true'))!;
    expect(repaired.lost).toBe(0);
    expect(repaired.repairs).toMatch(/^[1-9]\d* re-aligned/);
    expect(repaired.requests).toBeLessThanOrEqual(offset.requests * 1.1);
  }, 120_000);
});
