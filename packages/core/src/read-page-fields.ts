import { readPath } from './field-path.js';
import { LosslessNumber, stringifyLosslessJson } from './lossless-json.js';
import { PaginationError } from './pagination-error.js';

/**
 * Checked readers for parse functions: a field of the wrong type is a `BAD_RESPONSE` naming the
 * provider and the field, never a silent empty page.
 */
export function readItems<T>(provider: string, body: unknown, path: string): T[] {
  if (body === null || typeof body !== 'object')
    throw badResponse(provider, path, 'the body is not a JSON object');
  const items = readPath(body, path);
  if (items === undefined)
    throw badResponse(provider, path, `the items field "${path}" is missing`);
  if (!Array.isArray(items))
    throw badResponse(provider, path, `"${path}" is ${typeName(items)}, not an array`);
  const hole = items.findIndex((item) => item === null || item === undefined);
  if (hole >= 0)
    throw badResponse(provider, `${path}[${hole}]`, `item ${hole} of "${path}" is null`);
  return items as T[];
}

/** A cursor field: a non-empty string, or absent/null/"" meaning the end. */
export function readCursor(provider: string, body: unknown, path: string): string | null {
  const value = readPath(body, path);
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string')
    throw badResponse(provider, path, `the cursor "${path}" is ${typeName(value)}, not a string`);
  return value;
}

/**
 * A position field, for APIs whose cursor is not a string: a number (`1160406004324630614`, kept
 * exact when the body was parsed with `parseLosslessJson`), or a tuple of numbers and strings
 * (`[1712000000, 42]`). It becomes a string cursor — the text of the number, or the tuple as JSON
 * (numbers exact) — which the source's `request` turns back (`parseLosslessJson(cursor)`). A
 * string is taken as it is; absent, null or `""` means the end. Anything else is `BAD_RESPONSE`.
 */
export function readPosition(provider: string, body: unknown, path: string): string | null {
  const value = readPath(body, path);
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  const scalar = (v: unknown) =>
    typeof v === 'string' ||
    v instanceof LosslessNumber ||
    (typeof v === 'number' && Number.isFinite(v));
  if (scalar(value)) return String(value);
  if (Array.isArray(value) && value.length > 0 && value.length <= 8 && value.every(scalar))
    return stringifyLosslessJson(value);
  throw badResponse(
    provider,
    path,
    `the position "${path}" is ${typeName(value)}, not a number, a string or a tuple of them`,
  );
}

/** An optional non-negative integer (totals). */
export function readCount(
  provider: string,
  body: unknown,
  path: string | undefined,
): number | undefined {
  if (!path) return undefined;
  const value = readPath(body, path);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw badResponse(provider, path, `"${path}" is ${typeName(value)}, not a count`);
  return value;
}

/**
 * The typed error a source's `parse` throws for an answer it cannot read: `BAD_RESPONSE`, naming
 * the provider and the field (`items`, `next`…), so the caller sees which part was wrong.
 */
export function badResponse(provider: string, field: string, message: string): PaginationError {
  return new PaginationError('BAD_RESPONSE', message, { provider, field });
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
