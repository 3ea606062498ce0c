/**
 * The sync benchmark's simulators, in a process of their own: a real vendor is remote, and a
 * server sharing the client's event loop (and garbage collector) blurs what the client costs.
 * Prints one JSON line with the URLs, then serves until stdin closes or SIGTERM.
 */
import {
  createDingTalkSimulator,
  createLineWorksSimulator,
  createMewsSimulator,
} from '@pagewise/simulators';
import { serveSimulator } from '@pagewise/simulators/http-server';

const N = Number(process.argv[2] ?? 100_000);
const servers = await Promise.all([
  serveSimulator(createMewsSimulator({ sizes: { reservations: N } })),
  serveSimulator(createLineWorksSimulator({ sizes: { users: N } })),
  serveSimulator(createDingTalkSimulator({ sizes: { classes: N, adjustments: 20_000 } })),
]);
const [mews, lineworks, dingtalk] = servers.map((s) => s.url);
console.log(JSON.stringify({ mews, lineworks, dingtalk }));

const stop = async () => {
  await Promise.all(servers.map((s) => s.close()));
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
