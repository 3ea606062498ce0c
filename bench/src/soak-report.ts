import type { SoakResult } from './soak.js';
import { table } from './stats.js';

/** The soak's figures as a Markdown table. */
export function soakTable(results: SoakResult[]): string {
  return table(
    [
      'walk',
      'items',
      'requests',
      'faults met',
      'retries',
      'token refreshes',
      'restarts',
      'inserted / deleted',
      'lost',
      'duplicated',
      'repeats held back',
      'drift reported',
      'drift repaired',
      's',
    ],
    results.map((r) => [
      r.walk,
      r.items,
      r.requests,
      Object.entries(r.faults)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || '—',
      r.retries,
      r.tokenRefreshes,
      r.restarts,
      `${r.inserted} / ${r.deleted}`,
      r.offset ? `${r.lost} (offset drift)` : r.lost,
      r.duplicated,
      r.repeatsRemoved,
      r.drift || '—',
      r.repairs || '—',
      r.seconds.toFixed(1),
    ]),
  );
}
