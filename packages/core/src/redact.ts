import type { PageRequest } from './types.js';

const SECRET_NAME = /token|secret|password|authorization|cookie|api[-_]?key|signature/i;
export const REDACTED = '[redacted]';

/** Pagination tokens are positions, not credentials: they stay visible. */
const POSITION_NAME = /^(next_?token|sync_?token|page_?token)$/i;

function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] =
      SECRET_NAME.test(k) && !POSITION_NAME.test(k) && (v === null || typeof v !== 'object')
        ? REDACTED
        : redactValue(v, depth + 1);
  return out;
}

/**
 * A copy of a request safe to show or log: credential headers, query parameters and body fields
 * (`ClientToken`, `AccessToken`, `appSecret`, `Authorization`, `auth_token`…) are replaced.
 * Pagination tokens (`nextToken`) are positions, not credentials, and stay.
 */
export function redactRequest(request: PageRequest): PageRequest {
  return redactValue(request, -1) as PageRequest;
}

/** Removes known secret values from free text (a vendor message that echoes a token). */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join(REDACTED);
  return out;
}
