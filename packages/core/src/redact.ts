import type { PageRequest } from './types.js';

export const REDACTED = '[redacted]';

/** Names that hold a credential wherever they appear in a name. */
const SECRET_PART =
  /token|secret|passw|authori[sz]ation|cookie|signature|credential|session|private|bearer/i;
/** Short names that hold a credential when they are a whole word of a name (`x-auth`, `apiKey`, `sig`). */
const SECRET_WORD = /^(key|apikey|sig|auth|code|pwd|pass)$/i;
/** Pagination tokens are positions, not credentials: they stay visible. */
const POSITION_NAME = /^(next_?token|sync_?token|page_?token|continuation_?token)$/i;

/** Whether a header, query parameter or body field of this name carries a credential. */
export function isSecretName(name: string): boolean {
  if (POSITION_NAME.test(name)) return false;
  if (SECRET_PART.test(name)) return true;
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[-_.\s]+/)
    .some((word) => SECRET_WORD.test(word));
}

/** `name=value` pairs in a URL's query, a form body or free text; secret-named values are replaced. */
const PAIR = /([?&;]|^)([^=&;?#\s"'<>]+)=([^&;#\s"'<>]*)/g;
function redactPairs(text: string): string {
  return text.replace(PAIR, (whole, lead: string, name: string) =>
    isSecretName(decodeName(name)) ? `${lead}${name}=${REDACTED}` : whole,
  );
}
function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A string with the secret-named query parameters of any URL or form it holds replaced. */
function redactString(text: string): string {
  return text.includes('=') ? redactPairs(text) : text;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactString(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] =
      isSecretName(k) && (v === null || typeof v !== 'object')
        ? REDACTED
        : redactValue(v, depth + 1);
  return out;
}

/** A body given as a string: JSON is redacted field by field; anything else as name=value pairs. */
function redactBody(body: unknown): unknown {
  if (typeof body !== 'string') return redactValue(body, 0);
  try {
    return JSON.stringify(redactValue(JSON.parse(body), 0));
  } catch {
    return redactString(body);
  }
}

/**
 * A copy of a request safe to show or log: credential headers, query parameters and body fields
 * (`ClientToken`, `AccessToken`, `appSecret`, `Authorization`, `auth_token`, `x-auth`, `sig`,
 * `sessionid`…) are replaced — also inside URLs (a cursor that is a link, the path) and inside a
 * body given as a string. Pagination tokens (`nextToken`, `syncToken`) are positions and stay.
 */
export function redactRequest(request: PageRequest): PageRequest {
  const out: PageRequest = { method: request.method, path: redactString(request.path) };
  if (request.query) out.query = redactValue(request.query, 0) as PageRequest['query'];
  if (request.headers) out.headers = redactValue(request.headers, 0) as Record<string, string>;
  if (request.body !== undefined) out.body = redactBody(request.body);
  return out;
}

/** The credential values a request carries (to scrub them from a vendor message that echoes them). */
export function secretsOf(request: PageRequest): string[] {
  const found: string[] = [];
  const walk = (value: unknown, secret: boolean, depth: number) => {
    if (typeof value === 'string') {
      if (secret) found.push(value);
    } else if (value && typeof value === 'object' && depth < 8) {
      for (const [k, v] of Object.entries(value)) walk(v, secret || isSecretName(k), depth + 1);
    }
  };
  walk({ headers: request.headers, query: request.query }, false, 0);
  let body = request.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = Object.fromEntries(new URLSearchParams(body as string));
    }
  }
  walk(body, false, 0);
  return found;
}

/**
 * Free text (a vendor message, an error) with every known secret replaced — as written,
 * URL-encoded, and with a `Bearer `/`Token ` prefix stripped — and the secret-named query
 * parameters of any URL in it.
 */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = redactString(text);
  for (const raw of secrets) {
    const secret = raw?.replace(/^(Bearer|Token|Basic)\s+/i, '');
    if (!secret || secret.length < 6) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      out = out.split(form).join(REDACTED);
  }
  return out;
}
