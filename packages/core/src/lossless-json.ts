/**
 * JSON that keeps every number exactly as written. `JSON.parse` turns 1160406004324630614 into
 * 1160406004324630600; here a number whose text a double cannot reproduce becomes a
 * `LosslessNumber` carrying its original text, so it can be sent back byte for byte.
 */
export class LosslessNumber {
  constructor(readonly text: string) {}
  /** The value as a double (may round). */
  valueOf(): number {
    return Number(this.text);
  }
  toString(): string {
    return this.text;
  }
}

/** Every number token of a JSON text (and, harmlessly, number-like text inside strings). */
const NUMBER_TOKEN = /(?:^|[:,[])\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** True when some number in the text would not be written back the same by a double. */
function needsCare(text: string): boolean {
  for (const m of text.matchAll(NUMBER_TOKEN)) if (String(Number(m[1])) !== m[1]) return true;
  return false;
}

/** Sets an own property, even `__proto__` (a plain assignment would change the prototype instead). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}
const LITERALS: ReadonlyArray<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** Parses JSON; numbers that would lose digits become `LosslessNumber`s. Throws `SyntaxError` like `JSON.parse`. */
export function parseLosslessJson(text: string): unknown {
  if (!needsCare(text)) return JSON.parse(text);
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${i} in JSON`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const value = (): unknown => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expected a key');
        const key = string();
        ws();
        if (text[i++] !== ':') fail("Expected ':'");
        setOwn(obj, key, value());
        ws();
        const sep = text[i++];
        if (sep === '}') return obj;
        if (sep !== ',') fail("Expected ',' or '}'");
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        const sep = text[i++];
        if (sep === ']') return arr;
        if (sep !== ',') fail("Expected ',' or ']'");
      }
    }
    if (ch === '"') return string();
    for (const [word, literal] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return literal;
      }
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (!found) return fail('Unexpected token');
    i += found[0].length;
    const n = Number(found[0]);
    // Keep the text whenever a double would not write it back the same way.
    return String(n) === found[0] ? n : new LosslessNumber(found[0]);
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('Unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const result = value();
  ws();
  if (i !== text.length) fail('Unexpected data after JSON');
  return result;
}

/** Writes a JSON value; `LosslessNumber`s are written as their original text. */
export function stringifyLosslessJson(value: unknown): string {
  if (value instanceof LosslessNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(stringifyLosslessJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${stringifyLosslessJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Replaces `LosslessNumber`s for application use: integers beyond 2^53 become strings (what
 * Dashly's `id_as_string` would give), other numbers become doubles.
 */
export function toPlainJson(value: unknown): unknown {
  if (value instanceof LosslessNumber) {
    const n = Number(value.text);
    return /^-?\d+$/.test(value.text) && !Number.isSafeInteger(n) ? value.text : n;
  }
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, toPlainJson(v));
    return out;
  }
  return value;
}
