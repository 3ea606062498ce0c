import type { Cursor, SizeLimits } from '../types.js';

/**
 * Whether a walk of this page size repairs drift unless told: where the size leaves the vendor's
 * maximum room for the overlap (at most 85 % of it), repair costs no more requests (measured: at
 * 20 of 100, 19 % fewer — a window brings up to 1¼ pages — and at 85 of 100 as many); at the
 * maximum it would cost up to 18 % more, so it is then asked for with `repairDrift: true`. A
 * source whose vendor asks for pages read in order (`readsInOrder`: DingTalk) is never repaired
 * unless asked — except to resume from a position a repaired walk handed out (`{"o":…}`, see
 * `drift-repair.ts`), which only a repaired walk can read.
 */
export function repairsByDefault(
  source: { limits: SizeLimits; readsInOrder?: boolean | undefined },
  size: number,
  from?: Cursor | null,
): boolean {
  if (isRepairedPosition(from)) return true;
  return !source.readsInOrder && size <= Math.floor(source.limits.max * 0.85);
}

/** A cursor a drift-repaired walk handed out (`{"o":…}`): only such a walk, one page at a time, reads it. */
export function isRepairedPosition(from: Cursor | null | undefined): boolean {
  return typeof from === 'string' && from.startsWith('{');
}
