import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSimulator } from './http-server.js';
import { simulatorHandlers } from './msw.js';
import { createSimulatorFetch } from './simulator-fetch.js';
import { createSimulators, simulatorRoutes, VENDOR_BASE_URLS } from './simulator-set.js';
import { createDashlySimulator, DASHLY_CREDENTIALS } from './vendors/dashly.js';
import { createDingTalkSimulator, DINGTALK_CREDENTIALS } from './vendors/dingtalk.js';
import { LINEWORKS_CREDENTIALS } from './vendors/lineworks.js';
import { MEWS_CREDENTIALS } from './vendors/mews.js';

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

const JSON_TYPE = { 'content-type': 'application/json' };

/** A request with headers fetch will not let a caller set (Host). */
function rawRequest(port: number, method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('DingTalk served over HTTP on loopback', () => {
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
      headers: JSON_TYPE,
      body: JSON.stringify({ latencyMs: 5 }),
    });
    await fetch(`${server.url}/__sim/inject`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ kind: 'server-error', status: 502 }),
    });
    expect((await fetch(`${server.url}/v1.0/edu/grades/g1/classes`)).status).toBe(502);
    const log = (await (await fetch(`${server.url}/__sim/log`)).json()) as Array<{
      status: number;
      latencyMs: number;
    }>;
    expect(log.at(-1)).toMatchObject({ status: 502, latencyMs: 5 });
    await fetch(`${server.url}/__sim/faults`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
  });

  it('inserts and deletes rows through /__sim/ (a test in another process makes messages arrive), refusing bad input', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify(body),
      });
    const list = '/v1.0/attendance/adjustments';
    const before = sim.mutations.inserted.length;
    const inserted = await post('/__sim/insert', { path: list, count: 2 });
    expect(inserted.status).toBe(200);
    const { ids } = (await inserted.json()) as { ids: string[] };
    expect(ids).toHaveLength(2);
    expect(sim.mutations.inserted.slice(before)).toEqual(ids);
    const deleted = await post('/__sim/delete', { path: list, count: 1, at: 0 });
    expect(((await deleted.json()) as { ids: string[] }).ids).toHaveLength(1);
    for (const bad of [
      { path: '/nothing/here' },
      { path: list, count: 0 },
      { path: list, at: 3 },
      {},
    ])
      expect((await post('/__sim/insert', bad)).status).toBe(400);
  });

  it('lets only its own origin on loopback drive it: cross-origin, rebinding, proxied and text/plain writes are refused', async () => {
    const faults = () => sim.faults.latencyMs;
    const attempts: Array<[RequestInit & { headers: Record<string, string> }, number]> = [
      [{ headers: { 'content-type': 'text/plain' } }, 415],
      [{ headers: { ...JSON_TYPE, origin: 'https://evil.example' } }, 403],
      [{ headers: { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' } }, 403],
      // Through a proxy (a Next.js rewrite of /api/generic/*, on a dev server the LAN reaches).
      [{ headers: { ...JSON_TYPE, 'x-forwarded-for': '192.168.1.20' } }, 403],
      [{ headers: { ...JSON_TYPE, forwarded: 'for=192.168.1.20' } }, 403],
      [{ headers: { ...JSON_TYPE, via: '1.1 next' } }, 403],
    ];
    for (const [init, status] of attempts) {
      const res = await fetch(`${server.url}/__sim/faults`, {
        method: 'POST',
        body: JSON.stringify({ latencyMs: 2_000_000_000 }),
        ...init,
      });
      expect(res.status).toBe(status);
    }
    // A DNS-rebinding page talks to 127.0.0.1 under its own host name.
    const rebound = await rawRequest(server.port, 'GET', '/__sim/log', {
      host: `evil.example:${server.port}`,
    });
    expect(rebound.status).toBe(421);
    expect(faults()).toBe(0);
  });

  it('answers a bad scenario with 400 and its reason, and a body over 1 MB with 413', async () => {
    const bad = await fetch(`${server.url}/__sim/faults`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ latencyMs: 'x' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/latencyMs must be a number/);
    const notJson = await fetch(`${server.url}/__sim/faults`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: '{',
    });
    expect(notJson.status).toBe(400);
    const huge = await fetch(`${server.url}/__sim/inject`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });

  it('drops the connection for a network-error fault', async () => {
    sim.injectOnce({ kind: 'network-error' });
    await expect(fetch(`${server.url}/v1.0/edu/grades/g1/classes`)).rejects.toThrow();
  });
});

describe('every vendor over HTTP answers a full walk of 100,000 items', () => {
  const sims = createSimulators();
  const servers: Array<Awaited<ReturnType<typeof serveSimulator>>> = [];
  const url = (i: number) => servers[i]!.url;
  beforeAll(async () => {
    for (const sim of [sims.lineworks, sims.dashly, sims.mews])
      servers.push(await serveSimulator(sim, 0));
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('LINE WORKS users, count 100, cursor URL-encoded', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: LINEWORKS_CREDENTIALS.clientId,
      client_secret: LINEWORKS_CREDENTIALS.clientSecret,
    });
    const { access_token } = (await (
      await fetch(`${url(0)}/oauth2/v2.0/token`, { method: 'POST', body: form })
    ).json()) as { access_token: string };
    let cursor: string | undefined;
    let n = 0;
    do {
      const res = await fetch(
        `${url(0)}/v1.0/users?count=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { authorization: `Bearer ${access_token}` } },
      );
      const page = (await res.json()) as {
        users: unknown[];
        responseMetaData: { nextCursor?: string };
      };
      n += page.users.length;
      cursor = page.responseMetaData.nextCursor;
    } while (cursor);
    expect(n).toBe(100_000);
  });

  it('Dashly conversations, paginate_count 50, positions sent back as written', async () => {
    let position: string | undefined;
    let n = 0;
    for (;;) {
      const q = new URLSearchParams({
        auth_token: DASHLY_CREDENTIALS.authToken,
        paginate_count: '50',
        ...(position ? { paginate_position: position } : {}),
      });
      const text = await (await fetch(`${url(1)}/apps/1/conversations?${q}`)).text();
      n += (text.match(/"id":/g) ?? []).length;
      const next = /"next_before_position":(null|\[[^\]]*\])/.exec(text)![1]!;
      if (next === 'null') break;
      position = next;
    }
    expect(n).toBe(100_000);
  });

  it('Mews reservations, Count 1000, until a short page', async () => {
    let cursor: string | null = null;
    let n = 0;
    for (;;) {
      const body = JSON.stringify({
        ClientToken: MEWS_CREDENTIALS.clientToken,
        AccessToken: MEWS_CREDENTIALS.accessToken,
        Client: 'test',
        Limitation: { Cursor: cursor, Count: 1000 },
      });
      const page = (await (
        await fetch(`${url(2)}/api/connector/v1/reservations/getAll`, { method: 'POST', body })
      ).json()) as { Reservations: unknown[]; Cursor: string | null };
      n += page.Reservations.length;
      if (page.Cursor === null || page.Reservations.length < 1000) break;
      cursor = page.Cursor;
    }
    expect(n).toBe(100_000);
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
  /** The command line, run from its source as `pnpm simulators` runs it. */
  const cli = (...args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: new URL('..', import.meta.url).pathname,
    });

  it('starts the chosen vendors on the given ports, prints them, and stops on SIGTERM', async () => {
    const child = cli(
      '--vendor',
      'mews',
      '--vendor',
      'dashly',
      '--port',
      'mews=0',
      '--port',
      'dashly=0',
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

  it('says which port is taken and how to pick another, and leaves nothing running', async () => {
    const busy = await serveSimulator(createDingTalkSimulator(), 0);
    const child = cli(
      '--vendor',
      'mews',
      '--vendor',
      'dingtalk',
      '--port',
      'mews=0',
      '--port',
      `dingtalk=${busy.port}`,
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    await busy.close();
    expect(code).toBe(1);
    expect(err).toContain(`dingtalk could not start: port ${busy.port} is in use`);
    expect(err).toContain(`--port dingtalk=`);
    expect(err).not.toMatch(/at .*\(/); // no stack trace
  }, 30_000);
});

describe('simulator sets at other base URLs', () => {
  it('answer each at its own origin, side by side, without answering for each other', async () => {
    const a = createSimulators({ dingtalk: { sizes: { classes: 30 } } });
    const b = createSimulators({ dingtalk: { sizes: { classes: 70 } } });
    const f = createSimulatorFetch({
      ...simulatorRoutes(a, { dingtalk: 'https://s1.api.dingtalk.com' }),
      ...simulatorRoutes(b, { dingtalk: 'https://s2.api.dingtalk.com' }),
    });
    expect(await walkClasses('https://s1.api.dingtalk.com', f)).toBe(30);
    expect(await walkClasses('https://s2.api.dingtalk.com', f)).toBe(70);
    // Vendors not named stay at their real base URL.
    expect(Object.keys(simulatorRoutes(a, { dingtalk: 'https://s1.api.dingtalk.com' }))).toContain(
      VENDOR_BASE_URLS.mews,
    );
  });
});
