import { PaginationError } from './pagination-error.js';

/** A value for a message: a string only when it is a short word (a URL may hold a credential). */
const shown = (value: unknown) =>
  typeof value !== 'string'
    ? String(value)
    : /^[\w.-]{1,24}$/.test(value)
      ? JSON.stringify(value)
      : `a string of ${value.length} characters`;

/**
 * `INVALID_OPTION` unless `ok`: an option of the kit's own functions that cannot be used, thrown
 * before anything is sent (`retry.retries must be a whole number ≥ 0, got NaN`).
 */
export function need(ok: boolean, at: string, name: string, value: unknown, want: string): void {
  if (!ok)
    throw new PaginationError('INVALID_OPTION', `${name} must be ${want}, got ${shown(value)}`, {
      provider: at,
    });
}

/** A count option: left out (`undefined`, `null`), `Infinity` (no limit), or a whole number ≥ `min`. */
export const isCount = (value: unknown, min: number): boolean =>
  value == null ||
  value === Number.POSITIVE_INFINITY ||
  (Number.isInteger(value) && (value as number) >= min);

/** A duration or size option: left out, or a number ≥ 0 (`Infinity`: no limit), never `NaN`. */
export const isAmount = (value: unknown): boolean =>
  value == null || (typeof value === 'number' && value >= 0);

/** An adapter's required text options (`path`, `items`…): strings that are not empty. */
export function needText(at: string, options: object, names: readonly string[]): void {
  for (const name of names) {
    const value = (options as Record<string, unknown>)[name];
    need(typeof value === 'string' && value !== '', at, name, value, 'a non-empty string');
  }
}
