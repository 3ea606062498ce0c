import { describe, expect, it } from 'vitest';
import { runSyncWalk } from './sync-walk.js';

describe('the sync-walk example', () => {
  it('walks every vendor over HTTP on loopback, through faults, and gets every item', async () => {
    const reports = await runSyncWalk({
      sizes: {
        classes: 1500,
        adjustments: 450,
        users: 700,
        conversations: 260,
        reservations: 2100,
      },
      faults: {
        serverErrorRate: 0.05,
        rateLimitRate: 0.05,
        retryAfterSeconds: 0,
        tokenExpiresAfterRequests: 3,
        seed: 9,
      },
    });
    expect(reports.map((r) => [r.name.split(' ')[0], r.items])).toEqual([
      ['DingTalk', 1500],
      ['DingTalk', 450],
      ['LINE', 700],
      ['Dashly', 260],
      ['Mews', 2100],
    ]);
    expect(reports.map((r) => r.pages)).toEqual([3, 3, 7, 6, 3]);
  }, 30_000);
});
