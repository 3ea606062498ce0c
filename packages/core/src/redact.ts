import type { PageRequest } from './types.js';

export const REDACTED = '[redacted]';

/** Names that hold a credential wherever they appear in a name. */
const SECRET_PART =
  /token|secret|passw|passphrase|authori[sz]ation|cookie|signature|credential|session|sessid|private|bearer|assertion|jwt/i;
/** Short names that hold a credential when they are a whole word of a name (`x-auth`, `apiKey`, `sig`). */
const SECRET_WORD = /^(key|keys|apikey|apikeys|sig|sign|sid|auth|code|pwd|pass)$/i;
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

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * `name=value` pairs — in a URL's query or fragment, a form body, free text (after a space or a
 * quote) or URL-encoded inside another value (`%3Faccess_token%3D…`) — and JSON `"name": "value"`
 * fields: the values of secret names are replaced.
 */
const PAIR =
  /((?:^|[?&;#\s"'(<,])|%3F|%26|%23)([^=&;?#\s"'<>%]+)(=|%3D)([^&;#\s"'<>]*?)(?=$|[&;#\s"'<>)]|%26|%23)/gi;
const JSON_FIELD = /("([^"\\]{1,64})"\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
function redactString(text: string): string {
  let out = text;
  if (/=|%3D/i.test(out))
    out = out.replace(PAIR, (whole, lead: string, name: string, eq: string) =>
      isSecretName(decode(name)) ? `${lead}${name}${eq}${REDACTED}` : whole,
    );
  if (out.includes('":'))
    out = out.replace(JSON_FIELD, (whole, head: string, name: string) =>
      isSecretName(name) ? `${head}"${REDACTED}"` : whole,
    );
  return out;
}

const MAX_DEPTH = 8;
function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than anything a request needs: shown as redacted rather than walked.
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] =
      isSecretName(k) && v !== null && v !== undefined ? REDACTED : redactValue(v, depth + 1);
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
 * `sessionid`…) are replaced — whole, when the value is an object or a list — also inside URLs
 * (a cursor that is a link, the path, its fragment) and inside a body given as a string. Paging
 * tokens (`nextToken`, `syncToken`) are positions and stay.
 */
export function redactRequest(request: PageRequest): PageRequest {
  const out: PageRequest = { method: request.method, path: redactString(request.path) };
  if (request.link !== undefined) out.link = redactString(request.link);
  if (request.query) out.query = redactValue(request.query, 0) as PageRequest['query'];
  if (request.headers) out.headers = redactValue(request.headers, 0) as Record<string, string>;
  if (request.body !== undefined) out.body = redactBody(request.body);
  return out;
}

/** The credential values a request (and the runner's own headers) carry, to scrub from free text. */
export function secretsOf(request: PageRequest, headers?: Record<string, string>): string[] {
  const found: string[] = [];
  const walk = (value: unknown, secret: boolean, depth: number) => {
    if (typeof value === 'string' || typeof value === 'number') {
      if (secret) found.push(String(value));
    } else if (value && typeof value === 'object' && depth < 32) {
      for (const [k, v] of Object.entries(value)) walk(v, secret || isSecretName(k), depth + 1);
    }
  };
  walk({ headers: request.headers, query: request.query, runner: headers }, false, 0);
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Free text (a vendor message, an error) with every known secret replaced — as written,
 * URL-encoded (any case of the percent escapes) and JSON-escaped, with a `Bearer `/`Token `
 * prefix stripped — and the secret-named parameters and fields of any URL or JSON in it.
 */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = redactString(text);
  for (const raw of secrets) {
    const secret = raw?.replace(/^(Bearer|Token|Basic)\s+/i, '');
    if (!secret || secret.length < 6) continue;
    const forms = new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
    ]);
    for (const form of forms) out = out.replace(new RegExp(escapeRegExp(form), 'gi'), REDACTED);
  }
  return out;
}
