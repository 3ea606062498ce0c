#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { type RunningSimulator, serveSimulator } from './http-server.js';
import { createSimulators, VENDORS } from './simulator-set.js';
import type { VendorName } from './types.js';

const DEFAULT_PORTS: Record<VendorName, number> = {
  dingtalk: 4101,
  lineworks: 4102,
  dashly: 4103,
  mews: 4104,
  generic: 4105,
};

const { values } = parseArgs({
  options: {
    vendor: { type: 'string', multiple: true, short: 'v' },
    port: { type: 'string', multiple: true, short: 'p' },
    latency: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`pagewise-simulators [--vendor NAME]... [--port [NAME=]PORT]... [--latency MS]
(npx pagewise-simulators in an app; pnpm simulators in the Pagewise repository)

Starts the vendor simulators on 127.0.0.1, one port each (default ${Object.entries(DEFAULT_PORTS)
    .map(([v, p]) => `${v} ${p}`)
    .join(', ')}).
  --vendor   dingtalk | lineworks | dashly | mews | generic (repeat; default all)
  --port     PORT for a single vendor, or NAME=PORT (0 picks a free port)
  --latency  fixed latency in ms for every answer`);
  process.exit(0);
}

const chosen = (values.vendor ?? VENDORS) as VendorName[];
for (const v of chosen) {
  if (!VENDORS.includes(v)) {
    console.error(`unknown vendor "${v}"; expected one of ${VENDORS.join(', ')}`);
    process.exit(2);
  }
}
const ports = { ...DEFAULT_PORTS };
for (const p of values.port ?? []) {
  const [name, port] = p.includes('=') ? p.split('=') : [chosen[0], p];
  if (
    !VENDORS.includes(name as VendorName) ||
    !/^\d{1,5}$/.test(port ?? '') ||
    Number(port) > 65535
  ) {
    console.error(
      `--port ${p}: expected PORT or NAME=PORT (a vendor of ${VENDORS.join(', ')}; a port 0–65535)`,
    );
    process.exit(2);
  }
  ports[name as VendorName] = Number(port);
}

const sims = createSimulators();
const running: RunningSimulator[] = [];
for (const vendor of chosen) {
  const sim = sims[vendor];
  if (values.latency) sim.configure({ latencyMs: Number(values.latency) });
  const server = await serveSimulator(sim, ports[vendor]).catch(async (error: unknown) => {
    await Promise.all(running.map((r) => r.close()));
    const code = (error as { code?: string }).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${ports[vendor]} is in use (another simulator, or an app)`
        : `${code ?? ''} ${(error as Error).message}`.trim();
    console.error(
      `${vendor} could not start: ${why}. Pick another port: --port ${vendor}=${ports[vendor] + 10} (0 picks a free one).`,
    );
    process.exit(1);
  });
  running.push(server);
  console.log(`${vendor.padEnd(10)} ${server.url}`);
}
console.log('simulators ready (Ctrl+C to stop)');

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  await Promise.all(running.map((r) => r.close()));
  console.log(`simulators stopped (${signal})`);
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
