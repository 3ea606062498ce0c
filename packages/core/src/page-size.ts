import { PaginationError } from './pagination-error.js';
import { warnOnce } from './shared/is-development.js';
import type { SizeLimits } from './types.js';

/**
 * The page size actually sent: the default when none is given; sizes outside the source's limits
 * are clamped (never sent to the vendor), with a one-time warning in development; a size that is
 * not a number is an `INVALID_SIZE` error.
 */
export function resolvePageSize(
  provider: string,
  limits: SizeLimits,
  size: number | undefined,
): number {
  if (size === undefined) return limits.default;
  if (typeof size !== 'number' || Number.isNaN(size)) {
    const got = typeof size === 'string' ? `${JSON.stringify(size)} (a string)` : String(size);
    throw new PaginationError('INVALID_SIZE', `page size must be a number, got ${got}`, {
      provider,
    });
  }
  const whole = Number.isFinite(size) ? Math.floor(size) : size;
  const clamped = Math.min(limits.max, Math.max(limits.min, whole));
  if (process.env.NODE_ENV !== 'production' && clamped !== size)
    warnOnce(
      whole !== size && whole >= limits.min && whole <= limits.max
        ? `${provider}: page size ${size} is not a whole number; using ${clamped}.`
        : `${provider}: page size ${size} is outside ${limits.min}–${limits.max}; using ${clamped}.`,
    );
  return clamped;
}
