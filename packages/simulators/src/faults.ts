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
  | { kind: 'network-error' };

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
