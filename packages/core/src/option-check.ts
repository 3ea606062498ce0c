import { PaginationError } from './pagination-error.js';

/**
 * `INVALID_OPTION` unless `ok`: an option of the kit's own functions that cannot be used, thrown
 * before anything is sent (`retry.retries must be a whole number ≥ 0, got NaN`).
 */
export function need(ok: boolean, at: string, name: string, value: unknown, want: string): void {
  if (!ok)
    throw new PaginationError(
      'INVALID_OPTION',
      `${name} must be ${want}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
      { provider: at },
    );
}

/** A count option: left out, or a whole number of at least `min`. */
export const isCount = (value: unknown, min: number): boolean =>
  value === undefined || (Number.isInteger(value) && (value as number) >= min);

/** A duration or size option: left out, or a number ≥ 0 (`Infinity` too, where `max` allows it). */
export const isAmount = (value: unknown, max = Number.MAX_VALUE): boolean =>
  value === undefined || (typeof value === 'number' && value >= 0 && value <= max);
