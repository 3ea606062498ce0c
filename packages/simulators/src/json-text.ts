/**
 * JSON writing with exact numbers. A `RawNumber` is written as its digits, unquoted, so the
 * simulators can emit ids beyond 2^53 as JSON numbers, as Dashly does.
 */
export class RawNumber {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) throw new Error(`not a JSON number: ${text}`);
  }
}

const MARK = '\u0001raw\u0001';

export function writeJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v) =>
    v instanceof RawNumber
      ? `${MARK}${v.text}${MARK}`
      : typeof v === 'bigint'
        ? `${MARK}${v}${MARK}`
        : v,
  );
  return text.replace(/"\\u0001raw\\u0001([^"\\]*)\\u0001raw\\u0001"/g, '$1');
}

/**
 * Reads a JSON array (or an "over comma" list) of numbers and strings, keeping every number's
 * text exactly as written: positions are compared digit for digit.
 */
export function readPositionTokens(text: string): string[] | undefined {
  const trimmed = text.trim();
  const inner = trimmed.startsWith('[')
    ? trimmed.endsWith(']')
      ? trimmed.slice(1, -1)
      : undefined
    : trimmed;
  if (inner === undefined || inner.trim() === '') return undefined;
  const tokens = inner.split(',').map((t) => t.trim());
  const out: string[] = [];
  for (const token of tokens) {
    if (/^"[^"\\]*"$/.test(token)) out.push(token.slice(1, -1));
    else if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(token)) out.push(token);
    else return undefined;
  }
  return out;
}

/** Decimal text (seconds, optional fraction) to integer microseconds, exactly. */
export function microsFromText(text: string): bigint | undefined {
  const m = /^(-?\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) {
    const n = Number(text);
    return Number.isFinite(n) ? BigInt(Math.round(n * 1e6)) : undefined;
  }
  const frac = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  const whole = BigInt(m[1] as string);
  return whole * 1_000_000n + (whole < 0n ? -BigInt(frac) : BigInt(frac));
}

export function textFromMicros(micros: bigint): string {
  const whole = micros / 1_000_000n;
  const frac = (micros % 1_000_000n).toString().padStart(6, '0');
  return `${whole}.${frac}`;
}

/** Integer text to bigint, exactly; a float or exponent form (a client that lost precision) is read as a double would be. */
export function bigintFromText(text: string): bigint | undefined {
  if (/^-?\d+$/.test(text)) return BigInt(text);
  const n = Number(text);
  return Number.isFinite(n) ? BigInt(Math.trunc(n)) : undefined;
}
