import { isSecretName } from './secret-name.js';
import type { PageRequest } from './types.js';

export const REDACTED = '[redacted]';

export { isSecretName } from './secret-name.js';

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
  /((?:^|[?&;#\s"'(<,])|%3F|%26|%23)([^=&;?#\s"'<>%(,]+)(=|%3D)([^&;#\s"'<>]*?)(?=$|[&;#\s"'<>)]|%26|%23)/gi;

/**
 * JSON `"name": "value"` fields whose name is a credential's, scanned once from left to right
 * (a regex would retry from every quote of a text without a closing one: quadratic).
 */
function redactJsonFields(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('"'); at >= 0; ) {
    const field = /^"([^"\\]{1,64})"\s*:\s*"/.exec(text.slice(at, at + 140));
    if (!field) {
      at = text.indexOf('"', at + 1);
      continue;
    }
    const valueStart = at + field[0].length;
    const valueEnd = stringEnd(text, valueStart);
    if (valueEnd < 0) break; // no closing quote anywhere after: nothing more is a field
    if (isSecretName(field[1] as string)) {
      out += `${text.slice(from, valueStart)}${REDACTED}`;
      from = valueEnd;
    }
    at = text.indexOf('"', valueEnd + 1);
  }
  return out + text.slice(from);
}

/** The index of the quote that ends a JSON string starting at `from`, or -1. */
function stringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function redactString(text: string): string {
  let out = text;
  if (/=|%3D/i.test(out))
    out = out.replace(PAIR, (whole, lead: string, name: string, eq: string) =>
      isSecretName(decode(name)) ? `${lead}${name}${eq}${REDACTED}` : whole,
    );
  if (out.includes('":')) out = redactJsonFields(out);
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

/** How much of a vendor's text is read at all: no pattern ever runs over more. */
const SCANNED = 4096;
/** How much of it an error shows. */
const SHOWN = 300;

/**
 * Free text (a vendor message, an error) as an error may show it: cut to a bounded prefix before
 * any pattern runs (a vendor's 100 KB message costs what 4 KB does), every known secret replaced
 * — as written, URL-encoded (any case of the percent escapes) and JSON-escaped, with a
 * `Bearer `/`Token ` prefix stripped — and the secret-named parameters and fields of any URL or
 * JSON in it; then shortened to 300 characters (scrubbed first, shortened after: no part of a
 * secret survives the cut).
 */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = redactString(text.length > SCANNED ? text.slice(0, SCANNED) : text);
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
  return out.length > SHOWN ? `${out.slice(0, SHOWN)}…` : out;
}
