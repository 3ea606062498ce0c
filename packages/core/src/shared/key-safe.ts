import { isSecretName } from '../secret-name.js';
import { fingerprint } from './fingerprint.js';
import { stableText } from './stable-text.js';

/**
 * A value as it may appear in a cache key — and so in a server's dehydrated HTML: every field
 * under a credential's name (the policy of the error redaction: `api_key`, `token`, `secret`…)
 * becomes a fingerprint of its value, so two tenants still get two keys and neither key holds a
 * secret. Functions are left out, as `JSON.stringify` leaves them.
 */
export function keySafe(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => keySafe(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'function') continue;
    out[name] =
      isSecretName(name) && v !== undefined && v !== null
        ? `#${fingerprint(stableText(v))}`
        : keySafe(v, depth + 1);
  }
  return out;
}
