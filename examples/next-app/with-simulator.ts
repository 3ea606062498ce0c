/**
 * `pnpm dev` / `pnpm start` for this example: starts the Mews simulator on 127.0.0.1, points the
 * app at it with the simulator's demo credentials, and runs `next` with the given arguments (`dev`, `start`).
 * Against the real Mews: set MEWS_URL, MEWS_CLIENT_TOKEN and MEWS_ACCESS_TOKEN, run `next dev`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createMewsSimulator, MEWS_CREDENTIALS } from '@pagewise/simulators';
import { serveSimulator } from '@pagewise/simulators/http-server';

const simulator = await serveSimulator(createMewsSimulator({ sizes: { customers: 240 } }));
console.log(`Mews simulator on ${simulator.url}`);
const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
const child = spawn(process.execPath, [next, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    MEWS_URL: simulator.url,
    MEWS_CLIENT_TOKEN: MEWS_CREDENTIALS.clientToken,
    MEWS_ACCESS_TOKEN: MEWS_CREDENTIALS.accessToken,
  },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code) => {
  await simulator.close();
  process.exit(code ?? 0);
});
