import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MEWS_CREDENTIALS, type Simulator } from '@pagewise/simulators';
import { build, type Plugin } from 'esbuild';
import { workspaceAliases } from '../../workspace-aliases.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Workspace packages from their sources, each entry point matched exactly (as tsc and Vitest do). */
const workspaceSources: Plugin = {
  name: 'workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^@pagewise\// }, (args) => {
      const alias = workspaceAliases.find((a) => a.find.test(args.path));
      return alias ? { path: alias.replacement } : undefined;
    });
  },
};

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

/**
 * The app's backend in front of a vendor: a browser never holds Mews' tokens, so the server adds
 * them to the body (as a real app's proxy does).
 */
function withCredentials(sim: Simulator, body: string): string {
  if (sim.vendor !== 'mews' || !body) return body;
  try {
    return JSON.stringify({
      ...(JSON.parse(body) as Record<string, unknown>),
      ClientToken: MEWS_CREDENTIALS.clientToken,
      AccessToken: MEWS_CREDENTIALS.accessToken,
    });
  } catch {
    return body;
  }
}

/**
 * Bundles a benchmark app (production React, workspace packages from source) and serves it on
 * loopback with simulators behind path prefixes (one simulator: `/api/…`; or `{ '/api': generic,
 * '/mews': mews }`), answering after the simulator's latency. Every request reaches the
 * simulator's request log, so requests are counted at the server.
 */
export async function serveBenchApp(
  entry: string,
  sims: Simulator | Record<string, Simulator>,
  body = '<div id="root"></div>',
) {
  const mounts = Object.entries('handle' in sims ? { '/api': sims as Simulator } : sims);
  const bundle = await build({
    entryPoints: [`${ROOT}bench/src/${entry}`],
    bundle: true,
    // BENCH_MINIFY=0 keeps names readable for a CPU profile of a benchmark app.
    minify: process.env.BENCH_MINIFY !== '0',
    write: false,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [workspaceSources],
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const mount = mounts.find(([prefix]) => url.startsWith(`${prefix}/`));
    if (mount) {
      const [prefix, sim] = mount;
      const method = req.method ?? 'GET';
      void readBody(req).then((text) => {
        const answer = sim.handle({
          method,
          url: url.slice(prefix.length),
          headers: {},
          ...(method === 'GET' || method === 'HEAD' ? {} : { body: withCredentials(sim, text) }),
        });
        setTimeout(() => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        }, answer.delayMs);
      });
    } else if (url.startsWith('/app.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(js);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>bench</title></head><body style="margin:0;font:13px system-ui">${body}<script type="module" src="/app.js"></script></body></html>`,
      );
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
