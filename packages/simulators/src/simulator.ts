import type { Collection } from './collection.js';
import { type FaultConfig, NO_FAULTS, type OneShotFault, parseFaultHeader } from './faults.js';
import { writeJson } from './json-text.js';
import { createRandom } from './random.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import type { SimRequest, SimResponse, VendorName } from './types.js';

/** Thrown by a route to answer with a vendor-style error. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`simulated HTTP ${status}`);
  }
}

const MAX_QUEUED = 100;

/** Query parameters that carry a credential (Dashly's `auth_token`…) are never logged. */
const SECRET_PARAM = /token|secret|passw|auth|key|sig|session|credential/i;
const POSITION_PARAM = /^(next_?token|sync_?token|page_?token)$/i;
function loggable(params: URLSearchParams | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params instanceof URLSearchParams ? params : Object.entries(params))
    out[k] = SECRET_PARAM.test(k) && !POSITION_PARAM.test(k) ? '[redacted]' : v;
  return out;
}

export interface RouteContext {
  req: SimRequest;
  url: URL;
  query: URLSearchParams;
  /** Named groups of the route's path pattern. */
  params: Record<string, string>;
  /** The body parsed as JSON; throws the vendor's bad-request error when it is not JSON. */
  json(): unknown;
  /**
   * A route calls this when the request carries a cursor: true when the scenario (or a one-shot
   * fault) says this cursor must be rejected as invalid.
   */
  rejectCursor(): boolean;
  /** True when a one-shot fault says this request's access token has expired. */
  forceTokenExpiry: boolean;
  faults: FaultConfig;
  now(): number;
  /**
   * A route calls this with how many times the request's access token has been used: true when a
   * one-shot fault or the scenario (`tokenExpiresAfterRequests`) says it has expired — the request
   * log then marks the request `token-expired`.
   */
  tokenExpired(uses: number): boolean;
}

export interface RouteResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Paging facts for the request log. */
  log?: Pick<RequestLogEntry, 'params' | 'size' | 'cursorIn' | 'cursorOut' | 'itemCount'>;
  /**
   * The field holding the items, a dotted path (`result.items`), for the `no-items` malformed
   * body; a body that is the items' array itself answers `{}` instead.
   */
  itemsField?: string;
}

export interface Route {
  method: string;
  path: RegExp;
  /** Auth endpoints are exempt from random faults (a client retries them anyway). */
  auth?: boolean;
  /** List routes take part in scenario mutations (inserts and deletes during a walk). */
  collection?: () => Collection<unknown>;
  /**
   * Where a walk with no position begins, in the collection's order — the end for a newest-first
   * API (Dashly's `before` from the newest): faults at the `head` land there. @defaultValue 'start'
   */
  head?: 'start' | 'end';
  handle(ctx: RouteContext): RouteResult;
}

/** The vendor-specific parts: routes and the shape of the vendor's errors. */
export interface VendorDefinition {
  vendor: VendorName;
  routes: Route[];
  errorBody(
    status: number,
    message: string,
    kind: 'server-error' | 'rate-limit' | 'not-found',
  ): unknown;
  /**
   * The page parameters a request carries in its body (Mews' `Limitation`), logged before any
   * fault is drawn, so a failed request's entry still says which page it asked for. Never a
   * credential.
   */
  bodyParams?(body: unknown): Record<string, string>;
}

export interface SimulatorOptions {
  /** Scenario faults from the first request on (latency, 5xx, 429, token expiry, inserts…). @defaultValue none */
  faults?: Partial<FaultConfig>;
  /** Clock for token expiry (ms). @defaultValue Date.now */
  now?: () => number;
  /** Requests the log keeps (the oldest go first). @defaultValue 10000 */
  logCapacity?: number;
}

/**
 * One vendor's simulator: a pure request → response function with scenario faults, one-shot
 * faults and a request log. Transports (MSW, the HTTP server, `createSimulatorFetch`) wrap it.
 */
export class Simulator {
  readonly log: RequestLog;
  /** Ids of the items the scenario inserted and deleted (soak tests tell lost items from deleted ones). */
  readonly mutations: { inserted: string[]; deleted: string[] } = { inserted: [], deleted: [] };
  private config: FaultConfig;
  private random: () => number;
  private readonly queue: OneShotFault[] = [];
  private listRequests = 0;
  private cursorRequests = 0;
  private readonly now: () => number;

  constructor(
    private readonly definition: VendorDefinition,
    options: SimulatorOptions = {},
  ) {
    this.config = { ...NO_FAULTS, ...options.faults };
    this.random = createRandom(this.config.seed);
    this.now = options.now ?? Date.now;
    this.log = new RequestLog(options.logCapacity);
  }

  get vendor(): VendorName {
    return this.definition.vendor;
  }

  get faults(): Readonly<FaultConfig> {
    return this.config;
  }

  /** Replaces the scenario's faults (unnamed ones return to none) and restarts its counters. */
  configure(faults: Partial<FaultConfig>): void {
    this.config = { ...NO_FAULTS, ...faults };
    this.random = createRandom(this.config.seed);
    this.listRequests = 0;
    this.cursorRequests = 0;
  }

  /** Queues a fault for the next request (at most 100 wait at once). */
  injectOnce(fault: OneShotFault): void {
    if (this.queue.length >= MAX_QUEUED)
      throw new RangeError(`at most ${MAX_QUEUED} one-shot faults can wait at once`);
    this.queue.push(fault);
  }

  handle(req: SimRequest): SimResponse {
    const started = this.now();
    const url = new URL(req.url, 'http://simulator.invalid');
    const entry: RequestLogEntry = {
      seq: this.log.nextSeq(),
      vendor: this.vendor,
      method: req.method.toUpperCase(),
      path: url.pathname,
      params: { ...loggable(url.searchParams), ...this.bodyParams(req.body) },
      status: 0,
      latencyMs: 0,
      at: started,
    };
    const response = this.answer(req, url, entry);
    entry.status = response.status;
    entry.latencyMs = response.delayMs;
    this.log.add(entry);
    return response;
  }

  private bodyParams(body: string | undefined): Record<string, string> {
    if (!this.definition.bodyParams || !body) return {};
    try {
      return loggable(this.definition.bodyParams(JSON.parse(body)));
    } catch {
      return {};
    }
  }

  private answer(req: SimRequest, url: URL, entry: RequestLogEntry): SimResponse {
    const c = this.config;
    // Draw every rate on every request, so a scenario replays identically whatever happens.
    const draws = {
      server: this.random(),
      rate: this.random(),
      malformed: this.random(),
      jitter: this.random(),
    };
    const oneShot = this.queue.shift() ?? parseFaultHeader(req.headers['x-sim-fault']);
    let delayMs = c.latencyMs + Math.round(draws.jitter * c.jitterMs);
    if (oneShot?.kind === 'latency') delayMs += oneShot.ms;

    const match = this.route(req.method, url.pathname);
    if (!match) {
      return this.error(404, 'not-found', `No route for ${req.method} ${url.pathname}`, delayMs);
    }
    const { route, params } = match;

    if (oneShot?.kind === 'network-error') {
      entry.fault = 'network-error';
      return { status: 0, headers: {}, body: '', delayMs };
    }
    if (oneShot?.kind === 'redirect') {
      const status = oneShot.status ?? 302;
      entry.fault = `redirect ${status}`;
      return { status, headers: { location: oneShot.location }, body: '', delayMs };
    }
    const random = !route.auth;
    // Scenario redirects and drips draw only when asked for, so other scenarios replay as before.
    if (random && c.redirectRate > 0 && this.random() < c.redirectRate) {
      const status = req.method.toUpperCase() === 'GET' ? 302 : 307;
      entry.fault = `redirect ${status}`;
      return { status, headers: { location: url.pathname + url.search }, body: '', delayMs };
    }
    const drip =
      oneShot?.kind === 'drip'
        ? { dripMs: oneShot.intervalMs, dripBytes: oneShot.bytes ?? 1 }
        : random && c.dripRate > 0 && this.random() < c.dripRate
          ? { dripMs: c.dripMs, dripBytes: c.dripBytes }
          : undefined;
    if (oneShot?.kind === 'rate-limit' || (random && draws.rate < c.rateLimitRate)) {
      const retryAfter =
        oneShot?.kind === 'rate-limit' ? (oneShot.retryAfterSeconds ?? 1) : c.retryAfterSeconds;
      entry.fault = 'rate-limit';
      const res = this.error(429, 'rate-limit', 'Too many requests', delayMs);
      res.headers['retry-after'] = String(retryAfter);
      return res;
    }
    if (oneShot?.kind === 'server-error' || (random && draws.server < c.serverErrorRate)) {
      const status =
        oneShot?.kind === 'server-error'
          ? (oneShot.status ?? 500)
          : [500, 502, 503][Math.floor(draws.server * 1e6) % 3]!;
      entry.fault = `server-error ${status}`;
      return this.error(status, 'server-error', 'Simulated server error', delayMs);
    }

    if (route.collection) this.mutate(route.collection(), route.head ?? 'start');

    const ctx: RouteContext = {
      req,
      url,
      query: url.searchParams,
      params,
      json: () => {
        try {
          return JSON.parse(req.body ?? '');
        } catch {
          throw new SimHttpError(
            400,
            this.definition.errorBody(400, 'The request body is not valid JSON', 'server-error'),
          );
        }
      },
      rejectCursor: () => {
        this.cursorRequests++;
        if (oneShot?.kind === 'invalid-cursor') return true;
        return (
          c.invalidCursorOnRequest !== null && this.cursorRequests === c.invalidCursorOnRequest
        );
      },
      forceTokenExpiry: oneShot?.kind === 'token-expired',
      tokenExpired: (uses) => {
        const limit = c.tokenExpiresAfterRequests;
        const expired = oneShot?.kind === 'token-expired' || (limit !== null && uses > limit);
        if (expired) entry.fault = 'token-expired';
        return expired;
      },
      faults: c,
      now: this.now,
    };

    let result: RouteResult;
    try {
      result = route.handle(ctx);
    } catch (error) {
      if (!(error instanceof SimHttpError)) throw error;
      result = { status: error.status, body: error.body, headers: error.headers };
    }
    if (result.log) Object.assign(entry, result.log, { params: loggable(result.log.params) });
    if (ctx.forceTokenExpiry) entry.fault = 'token-expired';

    const status = result.status ?? 200;
    let body = writeJson(result.body);
    const malformed =
      oneShot?.kind === 'malformed'
        ? oneShot.malformed
        : random && status < 300 && draws.malformed < c.malformedRate
          ? c.malformedKind
          : undefined;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      ...result.headers,
    };
    if (malformed) {
      entry.fault = `malformed ${malformed}`;
      if (malformed === 'html') {
        body = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
        headers['content-type'] = 'text/html';
      } else if (malformed === 'truncated')
        body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
      else if (malformed === 'empty') body = '';
      else if (malformed === 'no-items') body = writeJson(withoutItems(result));
    }
    if (drip) entry.fault = 'drip';
    return { status, headers, body, delayMs, ...drip };
  }

  private error(
    status: number,
    kind: 'server-error' | 'rate-limit' | 'not-found',
    message: string,
    delayMs: number,
  ): SimResponse {
    return {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: writeJson(this.definition.errorBody(status, message, kind)),
      delayMs,
    };
  }

  private route(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.definition.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const m = route.path.exec(path);
      if (m) return { route, params: { ...m.groups } };
    }
    return undefined;
  }

  /**
   * Adds `count` new items to the collection a list path serves (`/v1/conversations/42/parts`),
   * at the `start` or the `end` of the collection's order — "a new message arrives" — or at an
   * index (one after another from there). Returns the new items' ids (also kept in
   * `mutations.inserted`).
   */
  insertItems(path: string, count = 1, at: 'start' | 'end' | number = 'end'): string[] {
    const route = this.definition.routes.find((r) => r.collection && r.path.test(path));
    if (!route?.collection) throw new RangeError(`no list is served at ${path}`);
    const collection = route.collection();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const index = at === 'start' ? 0 : at === 'end' ? collection.size : at + i;
      const id = collection.idOf(collection.insertAt(index));
      this.mutations.inserted.push(id);
      ids.push(id);
    }
    return ids;
  }

  /**
   * Deletes `count` items of the collection a list path serves, from the `start` or the `end` of
   * its order or from an index — "rows are deleted while someone reads". Returns the deleted
   * items' ids (also kept in `mutations.deleted`).
   */
  deleteItems(path: string, count = 1, at: 'start' | 'end' | number = 'start'): string[] {
    const route = this.definition.routes.find((r) => r.collection && r.path.test(path));
    if (!route?.collection) throw new RangeError(`no list is served at ${path}`);
    const collection = route.collection();
    const ids: string[] = [];
    for (let i = 0; i < count && collection.size > 0; i++) {
      const index =
        at === 'start' ? 0 : at === 'end' ? collection.size - 1 : Math.min(at, collection.size - 1);
      const removed = collection.deleteAt(index);
      if (removed === undefined) break;
      const id = collection.idOf(removed);
      this.mutations.deleted.push(id);
      ids.push(id);
    }
    return ids;
  }

  private mutate(collection: Collection<unknown>, head: 'start' | 'end'): void {
    const c = this.config;
    const n = ++this.listRequests;
    // The head of the walk: its first page's end of the collection (the newest, newest-first).
    const headAt = () => (head === 'start' ? 0 : collection.size);
    const where = () =>
      c.mutationAt === 'head' ? headAt() : Math.floor(this.random() * collection.size);
    if (c.insertEvery && n % c.insertEvery === 0) {
      this.mutations.inserted.push(collection.idOf(collection.insertAt(where())));
    }
    if (c.deleteEvery && n % c.deleteEvery === 0 && collection.size > 0) {
      const removed = collection.deleteAt(Math.min(where(), collection.size - 1));
      if (removed !== undefined) this.mutations.deleted.push(collection.idOf(removed));
    }
  }
}

/** A route's answer without its items: the field named by `itemsField` left out, `{}` for a bare array. */
function withoutItems(result: RouteResult): unknown {
  if (Array.isArray(result.body)) return {};
  const path = result.itemsField?.split('.') ?? [];
  const strip = (value: unknown, depth: number): unknown => {
    if (depth === path.length || value === null || typeof value !== 'object') return value;
    const copy = { ...(value as Record<string, unknown>) };
    const key = path[depth]!;
    if (depth === path.length - 1) delete copy[key];
    else copy[key] = strip(copy[key], depth + 1);
    return copy;
  };
  return strip(result.body, 0);
}
