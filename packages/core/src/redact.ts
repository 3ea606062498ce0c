import type { PageRequest } from './types.js';

const SECRET_NAME = /token|secret|password|authorization|cookie|api[-_]?key|signature/i;
export const REDACTED = '[redacted]';

function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] =
      SECRET_NAME.test(k) && v !== null && typeof v !== 'object'
        ? REDACTED
        : redactValue(v, depth + 1);
  return out;
}

function redactRecord(
  record: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!record) return record;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record))
    out[k] =
      SECRET_NAME.test(k) && !/^(next_?token|sync_?token|page_?token)$/i.test(k) ? REDACTED : v;
  return out;
}

/**
 * A copy of a request safe to show or log: credential headers, query parameters and body fields
 * (`ClientToken`, `AccessToken`, `appSecret`, `Authorization`, `auth_token`…) are replaced.
 * Pagination tokens (`nextToken`) are positions, not credentials, and stay.
 */
export function redactRequest(request: PageRequest): PageRequest {
  const out: PageRequest = { ...request };
  if (request.headers) out.headers = redactRecord(request.headers);
  if (request.query) out.query = redactRecord(request.query);
  if (request.body !== undefined) out.body = redactValue(request.body);
  return out;
}

/** Removes known secret values from free text (a vendor message that echoes a token). */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join(REDACTED);
  return out;
}
