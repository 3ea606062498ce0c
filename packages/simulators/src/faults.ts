/** The shapes a malformed body can take. */
export type MalformedKind = 'html' | 'truncated' | 'empty' | 'no-items';

/**
 * Faults for a whole scenario. Rates are probabilities per request, drawn from a seeded
 * generator so that a scenario replays identically.
 */
export interface FaultConfig {
  /** Fixed latency added to every answer. */
  latencyMs: number;
  /** Up to this much extra latency, uniformly drawn. */
  jitterMs: number;
  /** Share of requests answered with a 5xx. */
  serverErrorRate: number;
  /** Share of requests answered with 429 and `Retry-After`. */
  rateLimitRate: number;
  /** Seconds sent in `Retry-After`. */
  retryAfterSeconds: number;
  /** Share of requests answered with a malformed body. */
  malformedRate: number;
  malformedKind: MalformedKind;
  /** Access tokens (DingTalk, LINE WORKS) expire after this many authenticated requests. */
  tokenExpiresAfterRequests: number | null;
  /** The Nth request that carries a cursor is rejected as an invalid cursor (once). */
  invalidCursorOnRequest: number | null;
  /** Before every Nth list request, insert an item. */
  insertEvery: number | null;
  /** Before every Nth list request, delete an item. */
  deleteEvery: number | null;
  /** Where inserts and deletes land: the head of the walk, or anywhere. */
  mutationAt: 'head' | 'random';
  /** Share of requests answered with a redirect to the same URL on the same origin (302, or 307 for a POST). */
  redirectRate: number;
  /** Share of requests whose body drips: `dripBytes` every `dripMs`. */
  dripRate: number;
  dripMs: number;
  dripBytes: number;
  /** Seed for fault draws. */
  seed: number;
}

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  jitterMs: 0,
  serverErrorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  malformedRate: 0,
  malformedKind: 'html',
  tokenExpiresAfterRequests: null,
  invalidCursorOnRequest: null,
  insertEvery: null,
  deleteEvery: null,
  mutationAt: 'head',
  redirectRate: 0,
  dripRate: 0,
  dripMs: 10,
  dripBytes: 1,
  seed: 7,
};

/** A fault for exactly one upcoming request (`Simulator.injectOnce`) or named in an `x-sim-fault` header. */
export type OneShotFault =
  | { kind: 'server-error'; status?: number }
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'malformed'; malformed: MalformedKind }
  | { kind: 'latency'; ms: number }
  | { kind: 'invalid-cursor' }
  | { kind: 'token-expired' }
  | { kind: 'network-error' }
  /** Answers a redirect to `location` (another origin, to see that credentials do not follow). */
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** Sends the body one byte every `intervalMs` (a server that drips its answer). */
  | { kind: 'drip'; intervalMs: number; bytes?: number };

/** Parses an `x-sim-fault` header value such as `rate-limit`, `server-error:503`, `malformed:html`. */
export function parseFaultHeader(value: string | undefined): OneShotFault | undefined {
  if (!value) return undefined;
  const [kind, arg] = value.split(':', 2) as [string, string | undefined];
  switch (kind) {
    case 'server-error':
      return { kind, status: arg ? Number(arg) : 500 };
    case 'rate-limit':
      return { kind, retryAfterSeconds: arg ? Number(arg) : 1 };
    case 'malformed':
      return { kind, malformed: (arg as MalformedKind) ?? 'html' };
    case 'latency':
      return { kind, ms: Number(arg ?? 0) };
    case 'invalid-cursor':
    case 'token-expired':
    case 'network-error':
      return { kind };
    default:
      return undefined;
  }
}

/** A fault configuration or a one-shot fault that does not make sense, with the reason. */
export class FaultConfigError extends Error {
  override readonly name = 'FaultConfigError';
}

const RANGES: Record<string, { min: number; max: number; integer?: boolean; nullable?: boolean }> =
  {
    latencyMs: { min: 0, max: 60_000 },
    jitterMs: { min: 0, max: 60_000 },
    serverErrorRate: { min: 0, max: 1 },
    rateLimitRate: { min: 0, max: 1 },
    retryAfterSeconds: { min: 0, max: 3600 },
    malformedRate: { min: 0, max: 1 },
    tokenExpiresAfterRequests: { min: 1, max: 1_000_000, integer: true, nullable: true },
    invalidCursorOnRequest: { min: 1, max: 1_000_000, integer: true, nullable: true },
    insertEvery: { min: 1, max: 1_000_000, integer: true, nullable: true },
    deleteEvery: { min: 1, max: 1_000_000, integer: true, nullable: true },
    redirectRate: { min: 0, max: 1 },
    dripRate: { min: 0, max: 1 },
    dripMs: { min: 1, max: 60_000, integer: true },
    dripBytes: { min: 1, max: 1_000_000, integer: true },
    seed: { min: 0, max: 2 ** 31, integer: true },
  };
const CHOICES: Record<string, readonly string[]> = {
  malformedKind: ['html', 'truncated', 'empty', 'no-items'],
  mutationAt: ['head', 'random'],
};

/** Checks a scenario (from a control endpoint): every key known, every value in range. */
export function validateFaultConfig(input: unknown): Partial<FaultConfig> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new FaultConfigError('the fault configuration must be a JSON object');
  for (const [key, value] of Object.entries(input)) {
    // Own keys only: `constructor` or `__proto__` are not faults.
    const range = Object.hasOwn(RANGES, key) ? RANGES[key] : undefined;
    const choices = Object.hasOwn(CHOICES, key) ? CHOICES[key] : undefined;
    if (choices) {
      if (typeof value !== 'string' || !choices.includes(value))
        throw new FaultConfigError(`${key} must be one of ${choices.join(', ')}`);
    } else if (range) {
      if (value === null && range.nullable) continue;
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        value < range.min ||
        value > range.max ||
        (range.integer && !Number.isInteger(value))
      )
        throw new FaultConfigError(
          `${key} must be ${range.integer ? 'an integer' : 'a number'} from ${range.min} to ${range.max}${range.nullable ? ', or null' : ''}`,
        );
    } else throw new FaultConfigError(`unknown fault "${key}"`);
  }
  return input as Partial<FaultConfig>;
}

const KINDS = [
  'server-error',
  'rate-limit',
  'malformed',
  'latency',
  'invalid-cursor',
  'token-expired',
  'network-error',
  'redirect',
  'drip',
];

/** Checks a one-shot fault (from a control endpoint). */
export function validateOneShot(input: unknown): OneShotFault {
  const fault = input as Record<string, unknown> | null;
  if (!fault || typeof fault !== 'object' || !KINDS.includes(String(fault.kind)))
    throw new FaultConfigError(`a one-shot fault needs a kind: ${KINDS.join(', ')}`);
  const number = (key: string, min: number, max: number) => {
    const v = fault[key];
    if (v !== undefined && (typeof v !== 'number' || !(v >= min && v <= max)))
      throw new FaultConfigError(`${key} must be a number from ${min} to ${max}`);
  };
  number('status', 100, 599);
  number('retryAfterSeconds', 0, 3600);
  number('ms', 0, 60_000);
  number('intervalMs', 1, 60_000);
  if (fault.kind === 'malformed' && !CHOICES.malformedKind!.includes(String(fault.malformed)))
    throw new FaultConfigError(`malformed must be one of ${CHOICES.malformedKind!.join(', ')}`);
  if (fault.kind === 'redirect' && typeof fault.location !== 'string')
    throw new FaultConfigError('a redirect needs a location');
  return fault as unknown as OneShotFault;
}
