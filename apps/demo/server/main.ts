import { parseArgs } from 'node:util';
import { startDemoServer } from './demo-server.js';

const { values } = parseArgs({
  options: {
    static: { type: 'boolean' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
  },
});
// The demo's server adds vendor credentials: it listens on loopback only.
const host = values.host ?? '127.0.0.1';
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  console.error(
    `--host ${host}: the demo's server adds vendor credentials and listens on loopback only.`,
  );
  process.exit(1);
}
const demo = await startDemoServer({
  mode: values.static ? 'static' : 'dev',
  port: Number(values.port ?? process.env.PORT ?? 5173),
  host,
});
const sources = Object.entries(demo.live)
  .filter(([v]) => v !== 'generic')
  .map(
    ([v, isLive]) =>
      `${v}: ${isLive ? 'REAL vendor (credentials from the environment)' : 'simulator'}`,
  )
  .join(', ');
console.log(`Pagewise demo: ${demo.url}`);
console.log(`  vendors → ${sources}`);
console.log('  Ctrl+C to stop');
const stop = async () => {
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
