import { spawn } from 'node:child_process';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSimulator } from './http-server.js';
import { simulatorHandlers } from './msw.js';
import { createSimulatorFetch } from './simulator-fetch.js';
import { VENDOR_BASE_URLS } from './simulator-set.js';
import { createDashlySimulator, DASHLY_CREDENTIALS } from './vendors/dashly.js';
import { createDingTalkSimulator, DINGTALK_CREDENTIALS } from './vendors/dingtalk.js';

/** A plain DingTalk client, as a user would write it against the real host: only the base URL changes. */
async function walkClasses(base: string, f: typeof fetch = fetch): Promise<number> {
  const auth = await f(`${base}/v1.0/oauth2/accessToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DINGTALK_CREDENTIALS),
  });
  const { accessToken } = (await auth.json()) as { accessToken: string };
  let token: string | undefined;
  let n = 0;
  do {
    const q = new URLSearchParams({ maxResults: '500', ...(token ? { nextToken: token } : {}) });
    const res = await f(`${base}/v1.0/edu/grades/g1/classes?${q}`, {
      headers: { 'x-acs-dingtalk-access-token': accessToken },
    });
    const page = (await res.json()) as { list: unknown[]; nextToken?: string };
    n += page.list.length;
    token = page.nextToken;
  } while (token);
  return n;
}

describe('served over HTTP on loopback', () => {
  const sim = createDingTalkSimulator();
  let server: Awaited<ReturnType<typeof serveSimulator>>;
  beforeAll(async () => {
    server = await serveSimulator(sim, 0);
  });
  afterAll(() => server.close());

  it('answers a full walk of 100,000 items at the root of its base URL', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await walkClasses(server.url)).toBe(100_000);
  });

  it('takes scenarios and shows its log through /__sim/', async () => {
    await fetch(`${server.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: 5 }),
    });
    await fetch(`${server.url}/__sim/inject`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'server-error', status: 502 }),
    });
    expect((await fetch(`${server.url}/v1.0/edu/grades/g1/classes`)).status).toBe(502);
    const log = (await (await fetch(`${server.url}/__sim/log`)).json()) as Array<{
      status: number;
      latencyMs: number;
    }>;
    expect(log.at(-1)).toMatchObject({ status: 502, latencyMs: 5 });
    await fetch(`${server.url}/__sim/faults`, { method: 'POST', body: '{}' });
  });

  it('drops the connection for a network-error fault', async () => {
    sim.injectOnce({ kind: 'network-error' });
    await expect(fetch(`${server.url}/v1.0/edu/grades/g1/classes`)).rejects.toThrow();
  });
});

describe('served through MSW in Node', () => {
  const dingtalk = createDingTalkSimulator({ sizes: { classes: 1234 } });
  const dashly = createDashlySimulator({ sizes: { conversations: 30 } });
  const msw = setupServer(
    ...simulatorHandlers({
      [VENDOR_BASE_URLS.dingtalk]: dingtalk,
      [VENDOR_BASE_URLS.dashly]: dashly,
    }),
  );
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => msw.close());

  it('answers the vendor URL as the vendor would', async () => {
    expect(await walkClasses(VENDOR_BASE_URLS.dingtalk)).toBe(1234);
    expect(dingtalk.log.entries.length).toBe(4);
  });

  it('keeps Dashly ids as exact JSON numbers on the wire', async () => {
    const res = await fetch(
      `${VENDOR_BASE_URLS.dashly}/apps/1/conversations?auth_token=${DASHLY_CREDENTIALS.authToken}`,
    );
    expect(await res.text()).toMatch(/"id":\d{19}[,}]/);
  });

  it('turns a network-error fault into a failed fetch', async () => {
    dashly.injectOnce({ kind: 'network-error' });
    await expect(fetch(`${VENDOR_BASE_URLS.dashly}/apps/1/conversations`)).rejects.toThrow();
  });
});

describe('served in memory by createSimulatorFetch', () => {
  it('answers the same as the other transports and honours aborts during latency', async () => {
    const sim = createDingTalkSimulator({ sizes: { classes: 777 } });
    const f = createSimulatorFetch({ 'https://api.dingtalk.com': sim });
    expect(await walkClasses('https://api.dingtalk.com', f)).toBe(777);
    sim.configure({ latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = f('https://api.dingtalk.com/v1.0/edu/grades/g1/classes', {
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect(f('https://elsewhere.example/x')).rejects.toThrow(TypeError);
  });
});

describe('pnpm simulators', () => {
  it('starts the chosen vendors on the given ports, prints them, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.ts',
        '--vendor',
        'mews',
        '--vendor',
        'dashly',
        '--port',
        'mews=0',
        '--port',
        'dashly=0',
      ],
      { cwd: new URL('..', import.meta.url).pathname },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        if (out.includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const mews = /mews\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    expect(out).toMatch(/dashly\s+http:\/\/127\.0\.0\.1:\d+/);
    const res = await fetch(`${mews}/api/connector/v1/customers/getAll`, {
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(401);
    const code = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(out).toContain('stopped (SIGTERM)');
  }, 30_000);
});
