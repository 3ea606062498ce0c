import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createSimulatorFetch,
  createSimulators,
  FaultConfigError,
  type SimulatorSetOptions,
  simulatorRoutes,
  VENDOR_BASE_URLS,
  type VendorName,
  validateFaultConfig,
} from '@pagewise/simulators';
import {
  BodyTooLarge,
  limitServer,
  localGuard,
  readLimitedBody,
} from '@pagewise/simulators/http-server';
import { ROUTES } from '../src/routes.js';
import { allowedVendorCall, RELAYED_HEADERS } from './proxy-routes.js';
import { createVendorProxy, credentialsFromEnv, type VendorTarget } from './vendor-proxy.js';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The largest body the demo's API reads (a Mews getAll body is a few hundred bytes). */
const BODY_LIMIT = 64 * 1024;
/** The four vendors, and the generic admin API (orders) the demo's admin table pages. */
const VENDORS = ['dingtalk', 'lineworks', 'dashly', 'mews', 'generic'] as const;
const REAL_BASE_URLS = {
  dingtalk: 'https://api.dingtalk.com',
  lineworks: 'https://www.worksapis.com',
  dashly: 'https://api.dashly.app',
  mews: 'https://api.mews.com',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface DemoServerOptions {
  /** `dev`: Vite in middleware mode (hot reload); `static`: the built app from `dist/`. */
  mode: 'dev' | 'static';
  port?: number;
  host?: string;
  env?: NodeJS.ProcessEnv;
  simulators?: SimulatorSetOptions;
}

/**
 * The demo's own server: the app, a credential-adding proxy to each vendor at `/api/<vendor>/…`
 * (the embedded simulators unless real credentials are in the environment), the simulators'
 * request log for the inspector (`/api/_inspector/…`) and the fault panel (`/api/_faults/<vendor>`).
 */
export async function startDemoServer(options: DemoServerOptions) {
  const sims = createSimulators(options.simulators);
  const env = options.env ?? process.env;
  const { credentials, live } = credentialsFromEnv(env);
  const simulatorFetch = createSimulatorFetch(simulatorRoutes(sims));
  const targets = Object.fromEntries(
    VENDORS.map((v) => [
      v,
      v !== 'generic' && live[v]
        ? {
            baseUrl:
              env.MEWS_PLATFORM_ADDRESS && v === 'mews'
                ? env.MEWS_PLATFORM_ADDRESS
                : REAL_BASE_URLS[v as keyof typeof REAL_BASE_URLS],
            fetch: globalThis.fetch,
            live: true,
          }
        : { baseUrl: VENDOR_BASE_URLS[v], fetch: simulatorFetch, live: false },
    ]),
  ) as Record<(typeof VENDORS)[number], VendorTarget>;
  const proxy = createVendorProxy(targets, credentials);

  const vite =
    options.mode === 'dev'
      ? await (await import('vite')).createServer({
          root: APP_DIR,
          configFile: join(APP_DIR, 'vite.config.ts'),
          server: { middlewareMode: true },
          appType: 'spa',
          logLevel: 'warn',
        })
      : undefined;
  const dist = join(APP_DIR, 'dist');

  /** Only the demo's own pages on loopback may use this server (see `localGuard`). */
  let port = options.port ?? 0;
  const guard = localGuard(
    () => port,
    options.host && options.host !== '127.0.0.1' ? [options.host] : [],
  );
  const readBody = (req: IncomingMessage) => readLimitedBody(req, BODY_LIMIT);
  // A refusal may leave a request body unread: the connection then ends with the answer.
  const json = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(status >= 400 ? { connection: 'close' } : {}),
    });
    res.end(JSON.stringify(value));
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://demo.local');
      const path = url.pathname;
      const write = req.method !== 'GET' && req.method !== 'HEAD';
      const refused = guard.check(req, { write: write && path.startsWith('/api/') });
      if (refused) return json(res, refused.status, { error: refused.reason });
      if (path === '/api/_inspector/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        // What happened before the inspector connected, then every request as it happens.
        const history = VENDORS.flatMap((v) => sims[v].log.entries).sort(
          (a, b) => a.at - b.at || a.seq - b.seq,
        );
        for (const entry of history.slice(-300)) res.write(`data: ${JSON.stringify(entry)}\n\n`);
        const stops = VENDORS.map((v) =>
          sims[v].log.subscribe((entry) => res.write(`data: ${JSON.stringify(entry)}\n\n`)),
        );
        req.on('close', () => {
          for (const stop of stops) stop();
        });
        return;
      }
      if (path === '/api/_inspector/log') {
        return json(
          res,
          200,
          VENDORS.flatMap((v) => sims[v].log.entries).sort((a, b) => a.at - b.at || a.seq - b.seq),
        );
      }
      if (path === '/api/_inspector/clear' && req.method === 'POST') {
        await readBody(req);
        for (const v of VENDORS) sims[v].log.clear();
        return json(res, 200, { ok: true });
      }
      if (path === '/api/_status') return json(res, 200, { live });
      const fault = /^\/api\/_faults\/(dingtalk|lineworks|dashly|mews|generic)$/.exec(path);
      if (fault) {
        const sim = sims[fault[1] as VendorName];
        // POST changes the faults it names and keeps the others; DELETE returns to none.
        if (req.method === 'POST') {
          let input: unknown;
          try {
            input = JSON.parse((await readBody(req)) || '{}');
          } catch {
            return json(res, 400, { error: 'the body is not JSON' });
          }
          sim.configure({ ...sim.faults, ...validateFaultConfig(input) });
        } else if (req.method === 'DELETE') {
          await readBody(req);
          sim.configure({});
        } else if (req.method !== 'GET') return json(res, 405, { error: 'GET, POST or DELETE' });
        return json(res, 200, sim.faults);
      }
      // "A new message arrives": adds items to the list the demo shows at a path (simulators only).
      const arrive = /^\/api\/_arrive\/(dingtalk|lineworks|dashly|mews|generic)$/.exec(path);
      if (arrive) {
        if (req.method !== 'POST') return json(res, 405, { error: 'POST' });
        const vendor = arrive[1] as VendorName;
        if (live[vendor]) return json(res, 409, { error: 'the real vendor is in use' });
        let input: { path?: unknown; count?: unknown };
        try {
          input = JSON.parse((await readBody(req)) || '{}');
        } catch {
          return json(res, 400, { error: 'the body is not JSON' });
        }
        const count = input.count ?? 1;
        if (
          typeof input.path !== 'string' ||
          input.path.length > 200 ||
          typeof count !== 'number' ||
          !Number.isInteger(count) ||
          count < 1 ||
          count > 50
        )
          return json(res, 400, { error: 'expected { path: string, count: 1..50 }' });
        try {
          return json(res, 200, { inserted: sims[vendor].insertItems(input.path, count, 'end') });
        } catch {
          return json(res, 404, { error: 'no list is served at that path' });
        }
      }
      const api = /^\/api\/(dingtalk|lineworks|dashly|mews|generic)(\/.*)$/.exec(path);
      if (api) {
        const vendor = api[1] as VendorName;
        // The proxy forwards the demo's own calls only: these paths, these methods.
        const forward = allowedVendorCall(vendor, req.method ?? 'GET', api[2]!, url.search);
        if (forward === undefined)
          return json(res, 404, { error: `the demo does not forward ${req.method} ${api[2]}` });
        const body = write ? await readBody(req) : undefined;
        if (body !== undefined) {
          try {
            JSON.parse(body);
          } catch {
            return json(res, 400, { error: 'the body is not JSON' });
          }
        }
        const answer = await proxy(vendor, {
          method: req.method ?? 'GET',
          path: forward,
          body,
        });
        // The vendor's CORS, cookies and anything else stay on this side.
        // Always JSON to the browser, never sniffed as anything else.
        const headers: Record<string, string> = {
          'content-type': 'application/json; charset=utf-8',
          'x-content-type-options': 'nosniff',
        };
        answer.headers.forEach((value, key) => {
          if (RELAYED_HEADERS.has(key)) headers[key] = value;
        });
        res.writeHead(answer.status, headers);
        res.end(Buffer.from(await answer.arrayBuffer()));
        return;
      }
      if (path.startsWith('/api/')) return json(res, 404, { error: 'unknown API path' });
      // The pages live in the hash (`/#/adjustments`): a page's name typed as a path goes there.
      const page = ROUTES.find((route) => path.replace(/\/$/, '') === `/${route.path}`);
      if (page) {
        res.writeHead(302, { location: `/${url.search}#/${page.path}` });
        return void res.end();
      }
      if (vite) {
        vite.middlewares(req, res);
        return;
      }
      // One page (`/`): any other path without a file is not found, not the first page again.
      if (path !== '/' && !extname(path)) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(
          '<!doctype html><title>Not found</title><p>Not found. <a href="/">The demo</a></p>',
        );
      }
      const file = normalize(join(dist, path === '/' ? 'index.html' : path));
      if (!file.startsWith(dist)) return json(res, 403, { error: 'forbidden' });
      try {
        const content = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(content);
      } catch {
        res.writeHead(404);
        res.end();
      }
    } catch (error) {
      if (res.headersSent) return void res.end();
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read: the connection ends with the answer.
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        return void res.end(JSON.stringify({ error: error.message }));
      }
      if (error instanceof FaultConfigError) return json(res, 400, { error: error.message });
      // A proxy that cannot reach the vendor answers 502, as a gateway would — without the
      // vendor's words (they may echo a credential); the server's console has them.
      console.error(`[demo] ${req.method} ${req.url}:`, (error as Error)?.message ?? error);
      json(res, 502, {
        error: 'the vendor could not be reached or refused the server credentials',
      });
    }
  });
  limitServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    sims,
    live,
    async close() {
      await vite?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
