/**
 * A simulator as a local HTTP server (Node), for a browser test or an app in another process;
 * faults, inserts and deletes are set over HTTP (`/__sim/…`).
 *
 * @module @pagewise/simulators/http-server
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultConfigError, validateFaultConfig, validateOneShot } from './faults.js';
import {
  BodyTooLarge,
  type LocalGuard,
  limitServer,
  localGuard,
  readLimitedBody,
} from './local-guard.js';
import type { Simulator } from './simulator.js';

export {
  BodyTooLarge,
  type LocalGuard,
  limitServer,
  localGuard,
  readLimitedBody,
} from './local-guard.js';

/**
 * Serves one simulator over HTTP on 127.0.0.1, at the root of its own base URL, as on the
 * vendor's host. Control endpoints under `/__sim/`: `GET /__sim/log`, `POST /__sim/faults`
 * (a scenario, JSON), `POST /__sim/inject` (a one-shot fault, JSON), `POST /__sim/log/clear`,
 * `POST /__sim/insert` and `POST /__sim/delete` (`{ path, count?, at? }`: messages arrive, rows
 * are deleted, from a test in another process).
 * Only this server's own origin on loopback may use them (see `localGuard`); bodies over 1 MB
 * are refused.
 */
export interface RunningSimulator {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;

export async function serveSimulator(
  sim: Simulator,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningSimulator> {
  let bound = port;
  const guard = localGuard(() => bound);
  const server = createServer((req, res) => {
    handle(sim, guard, req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      const tooLarge = error instanceof BodyTooLarge;
      res.writeHead(tooLarge ? 413 : 500, {
        'content-type': 'application/json',
        connection: 'close',
      });
      res.end(JSON.stringify({ error: String((error as Error)?.message ?? error) }));
    });
  });
  server.keepAliveTimeout = 5_000;
  limitServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  bound = address.port;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Headers a proxy adds to what it forwards. */
const FORWARDING = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'via'] as const;

async function handle(
  sim: Simulator,
  guard: LocalGuard,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  if (url.startsWith('/__sim/')) {
    // A proxy in front (an app's rewrite of `/api/<vendor>/*`, a dev server listening on the
    // LAN) would open the controls to whoever reaches it: they answer direct calls only.
    const forwarded = FORWARDING.find((name) => req.headers[name] !== undefined);
    if (forwarded)
      return send(res, 403, {
        error: `a control request through a proxy (${forwarded}) is refused: call the simulator directly`,
      });
    const refused = guard.check(req, { write: method !== 'GET' });
    if (refused) return send(res, refused.status, { error: refused.reason });
    const body = method === 'GET' ? undefined : await readLimitedBody(req, BODY_LIMIT);
    return control(sim, method, url, body, res);
  }
  const body =
    method === 'GET' || method === 'HEAD' ? undefined : await readLimitedBody(req, BODY_LIMIT);
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers[key] = value;
    else if (Array.isArray(value)) headers[key] = value.join(', ');
  }
  const answer = sim.handle({ method, url, headers, body });
  if (answer.delayMs > 0) await new Promise((r) => setTimeout(r, answer.delayMs));
  if (answer.status === 0) {
    req.socket.destroy();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  if (answer.dripMs === undefined) return void res.end(answer.body);
  // A server that drips its answer, a few bytes at a time.
  const bytes = Buffer.from(answer.body);
  const chunk = answer.dripBytes ?? 1;
  for (let i = 0; i < bytes.length && !res.destroyed; i += chunk) {
    res.write(bytes.subarray(i, i + chunk));
    await new Promise((r) => setTimeout(r, answer.dripMs));
  }
  res.end();
}

function send(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function control(
  sim: Simulator,
  method: string,
  url: string,
  body: string | undefined,
  res: ServerResponse,
): void {
  const path = url.split('?')[0];
  let input: unknown;
  try {
    input = body === undefined || body === '' ? {} : JSON.parse(body);
  } catch {
    send(res, 400, { error: 'the body is not JSON' });
    return;
  }
  try {
    if (method === 'GET' && path === '/__sim/log') send(res, 200, sim.log.entries);
    else if (method === 'POST' && path === '/__sim/log/clear') {
      sim.log.clear();
      send(res, 200, { ok: true });
    } else if (method === 'POST' && path === '/__sim/faults') {
      sim.configure(validateFaultConfig(input));
      send(res, 200, sim.faults);
    } else if (method === 'POST' && path === '/__sim/inject') {
      sim.injectOnce(validateOneShot(input));
      send(res, 200, { ok: true });
    } else if (method === 'POST' && (path === '/__sim/insert' || path === '/__sim/delete')) {
      const { path: list, count, at } = mutation(input, path === '/__sim/insert');
      const ids =
        path === '/__sim/insert'
          ? sim.insertItems(list, count, at as 'start' | 'end')
          : sim.deleteItems(list, count, at);
      send(res, 200, { ids });
    } else send(res, 404, { error: 'unknown control endpoint' });
  } catch (error) {
    if (!(error instanceof FaultConfigError || error instanceof RangeError)) throw error;
    send(res, 400, { error: error.message });
  }
}

/** `{ path, count?, at? }` for an insert or a delete: a list path, 1–1000 items, an end (or an index). */
function mutation(
  input: unknown,
  insert: boolean,
): { path: string; count: number; at: 'start' | 'end' | number } {
  const {
    path,
    count = 1,
    at = insert ? 'end' : 'start',
  } = (input ?? {}) as Record<string, unknown>;
  const ends = at === 'start' || at === 'end';
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > 512)
    throw new RangeError('path must be the list path a source reads (/v1.0/users…)');
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1000)
    throw new RangeError('count must be a whole number from 1 to 1000');
  if (!(ends || (!insert && Number.isInteger(at) && (at as number) >= 0)))
    throw new RangeError(
      insert ? "at must be 'start' or 'end'" : "at must be 'start', 'end' or an index",
    );
  return { path, count: count as number, at: at as 'start' | 'end' | number };
}
