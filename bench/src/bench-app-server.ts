import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from '@pagewise/simulators';
import { build } from 'esbuild';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Bundles a benchmark app (production React, workspace packages from source) and serves it on
 * loopback with a simulator behind `/api/…`, answering after the simulator's latency.
 */
export async function serveBenchApp(entry: string, sim: Simulator, body = '<div id="root"></div>') {
  const bundle = await build({
    entryPoints: [`${ROOT}bench/src/${entry}`],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: {
      '@pagewise/core': `${ROOT}packages/core/src/index.ts`,
      '@pagewise/react': `${ROOT}packages/react/src/index.ts`,
    },
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      const answer = sim.handle({ method: 'GET', url: url.slice(4), headers: {} });
      setTimeout(() => {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      }, answer.delayMs);
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
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
