import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultConfig, OneShotFault } from './faults.js';
import type { Simulator } from './simulator.js';

/**
 * Serves one simulator over HTTP on 127.0.0.1, at the root of its own base URL, as on the
 * vendor's host. Control endpoints under `/__sim/`: `GET /__sim/log`, `POST /__sim/faults`
 * (a scenario, JSON), `POST /__sim/inject` (a one-shot fault, JSON), `POST /__sim/log/clear`.
 */
export interface RunningSimulator {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function serveSimulator(
  sim: Simulator,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningSimulator> {
  const server = createServer((req, res) => {
    handle(sim, req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(sim: Simulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  if (url.startsWith('/__sim/')) {
    control(sim, method, url, body, res);
    return;
  }
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
  res.end(answer.body);
}

function control(
  sim: Simulator,
  method: string,
  url: string,
  body: string | undefined,
  res: ServerResponse,
): void {
  const send = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  const path = url.split('?')[0];
  if (method === 'GET' && path === '/__sim/log') send(200, sim.log.entries);
  else if (method === 'POST' && path === '/__sim/log/clear') {
    sim.log.clear();
    send(200, { ok: true });
  } else if (method === 'POST' && path === '/__sim/faults') {
    sim.configure(JSON.parse(body || '{}') as Partial<FaultConfig>);
    send(200, sim.faults);
  } else if (method === 'POST' && path === '/__sim/inject') {
    sim.injectOnce(JSON.parse(body || '{}') as OneShotFault);
    send(200, { ok: true });
  } else send(404, { error: 'unknown control endpoint' });
}
