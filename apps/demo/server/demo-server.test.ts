import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from './demo-server.js';

/** A request with any headers (fetch will not set Host or a forbidden Origin). */
function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          method: init.method ?? 'GET',
          path: pathname + search,
          headers: init.headers,
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.end(init.body);
    },
  );
}
const JSON_TYPE = { 'content-type': 'application/json' };

describe('the demo server answers only its own pages', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  beforeAll(async () => {
    demo = await startDemoServer({
      mode: 'static',
      simulators: { mews: { sizes: { reservations: 30 } } },
    });
  });
  afterAll(() => demo.close());

  it('refuses a cross-origin page: text/plain writes, a foreign Origin, a cross-site fetch', async () => {
    const attack = JSON.stringify({ latencyMs: 2_000_000_000 });
    const tries = [
      { headers: { 'content-type': 'text/plain' }, status: 415 },
      { headers: { ...JSON_TYPE, origin: 'https://evil.example' }, status: 403 },
      { headers: { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' }, status: 403 },
    ];
    for (const t of tries) {
      expect(
        (
          await send(`${demo.url}/api/_faults/mews`, {
            method: 'POST',
            body: attack,
            headers: t.headers,
          })
        ).status,
      ).toBe(t.status);
      const proxied = await send(`${demo.url}/api/mews/api/connector/v1/reservations/getAll`, {
        method: 'POST',
        headers: t.headers,
        body: JSON.stringify({ Limitation: { Count: 10 } }),
      });
      expect(proxied.status).toBe(t.status);
    }
    expect(demo.sims.mews.faults.latencyMs).toBe(0);
    expect(demo.sims.mews.log.entries).toHaveLength(0);
  });

  it('refuses a DNS-rebinding page: any Host but its own loopback name', async () => {
    const { port } = new URL(demo.url);
    for (const path of ['/api/_inspector/log', '/api/_faults/mews', '/'])
      expect(
        (await send(`${demo.url}${path}`, { headers: { host: `evil.example:${port}` } })).status,
      ).toBe(421);
    expect(
      (await send(`${demo.url}/api/_inspector/log`, { headers: { host: `localhost:${port}` } }))
        .status,
    ).toBe(200);
  });

  it('lets its own page add messages to a simulated list ("a new message arrives"), checked, and not a foreign page', async () => {
    const arrive = (body: string, headers: Record<string, string> = JSON_TYPE) =>
      send(`${demo.url}/api/_arrive/dashly`, { method: 'POST', headers, body });
    const added = await arrive('{"path":"/conversations/1/parts","count":2}');
    expect(added.status).toBe(200);
    expect(JSON.parse(added.text).inserted).toHaveLength(2);
    expect((await arrive('{"path":"/conversations/1/parts","count":500}')).status).toBe(400);
    expect((await arrive('{"path":"/nothing/here"}')).status).toBe(404);
    expect(
      (
        await arrive('{"path":"/conversations/1/parts"}', {
          ...JSON_TYPE,
          origin: 'https://evil.example',
        })
      ).status,
    ).toBe(403);
  });

  it('validates fault settings with a reason, refuses bodies that are not JSON or too large', async () => {
    const bad = await send(`${demo.url}/api/_faults/mews`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: '{"latencyMs":"x"}',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatch(/latencyMs must be a number/);
    expect(
      (
        await send(`${demo.url}/api/_faults/mews`, {
          method: 'POST',
          headers: JSON_TYPE,
          body: '{',
        })
      ).status,
    ).toBe(400);
    const huge = await send(`${demo.url}/api/mews/api/connector/v1/reservations/getAll`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: `{"x":"${'a'.repeat(100_000)}"}`,
    });
    expect(huge.status).toBe(413);
  });

  it('refuses a page on another port of localhost (same-site), and a GET with a body', async () => {
    const sameSite = await send(`${demo.url}/api/_inspector/log`, {
      headers: { 'sec-fetch-site': 'same-site' },
    });
    expect(sameSite.status).toBe(403);
    const withBody = await send(`${demo.url}/api/_inspector/log`, {
      headers: { 'content-length': '5' },
      body: 'hello',
    });
    expect(withBody.status).toBe(400);
  });

  it('forwards the demo’s own calls only: no encoded slash in an id, no unknown or repeated query parameter', async () => {
    for (const path of [
      '/api/lineworks/v1.0/users/a%2F..%2F..%2Fx/calendar-personals',
      '/api/dashly/apps/a%2F..%2Fadmin%3F/conversations',
      '/api/generic/orders?page=1&page=2',
      '/api/generic/orders?admin=true',
    ])
      expect((await send(`${demo.url}${path}`)).status).toBe(404);
    const ok = await send(`${demo.url}/api/generic/orders?page=2&per_page=5&status=paid`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    // The README's source of one's own can be tried against the demo's server.
    const tickets = await send(`${demo.url}/api/generic/v2/tickets?limit=5&status=open`);
    expect(tickets.status).toBe(200);
    const body = JSON.parse(tickets.text) as {
      data: Array<{ status: string }>;
      next_cursor: string;
    };
    expect(body.data.map((t) => t.status)).toEqual(['open', 'open', 'open', 'open', 'open']);
    expect((await send(`${demo.url}/api/generic/v2/tickets?expand=all`)).status).toBe(404);
  });

  it('forwards the demo’s own calls only: other paths and methods are not proxied', async () => {
    for (const [method, path] of [
      ['POST', '/api/mews/api/connector/v1/reservations/cancel'],
      ['PATCH', '/api/mews/api/connector/v1/reservations/getAll'],
      ['GET', '/api/dingtalk/v1.0/contact/users/me'],
      ['DELETE', '/api/lineworks/v1.0/users'],
    ] as const)
      expect(
        (
          await send(`${demo.url}${path}`, {
            method,
            headers: JSON_TYPE,
            body: method === 'GET' ? undefined : '{}',
          })
        ).status,
      ).toBe(404);
    const ok = await send(`${demo.url}/api/mews/api/connector/v1/reservations/getAll`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ Limitation: { Cursor: null, Count: 10 } }),
    });
    expect(ok.status).toBe(200);
  });
});

describe('the demo server’s pages', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  beforeAll(async () => {
    demo = await startDemoServer({ mode: 'static' });
  });
  afterAll(() => demo.close());

  it('sends a page’s name typed as a path to that page (its hash), and says other paths are not found', async () => {
    const typed = await fetch(`${demo.url}/adjustments?page=2`, { redirect: 'manual' });
    expect(typed.status).toBe(302);
    expect(typed.headers.get('location')).toBe('/?page=2#/adjustments');
    expect((await fetch(`${demo.url}/chat/`, { redirect: 'manual' })).headers.get('location')).toBe(
      '/#/chat',
    );
    for (const path of ['/nowhere', '/assets/nothing']) {
      const answer = await fetch(`${demo.url}${path}`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain('Not found');
    }
    const home = await fetch(`${demo.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
  });
});

describe('the demo server in real-vendor mode', () => {
  let vendor: ReturnType<typeof createServer>;
  let vendorUrl = '';
  const reached: string[] = [];
  beforeAll(async () => {
    vendor = createServer((req, res) => {
      reached.push(req.url ?? '');
      if (req.url?.includes('/customers/'))
        return void res.writeHead(307, { location: 'https://evil.example/steal' }).end();
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        // A vendor whose error message quotes the request it refuses, tokens and all.
        if (body.includes('"Count":7'))
          return void res
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ Message: `Invalid request: ${body}` }));
        res.writeHead(200, {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
          'set-cookie': 'session=vendor-secret',
        });
        res.end(JSON.stringify({ Reservations: [], Cursor: null }));
      });
    });
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
    vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => vendor.close(() => resolve())));

  it('sends Mews calls to MEWS_PLATFORM_ADDRESS from its own environment (main.ts passes none)', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      MEWS_CLIENT_TOKEN: 'live-client',
      MEWS_ACCESS_TOKEN: 'live-access',
      MEWS_PLATFORM_ADDRESS: vendorUrl,
    });
    const demo = await startDemoServer({ mode: 'static' });
    try {
      const before = reached.length;
      const answer = await send(`${demo.url}/api/mews/api/connector/v1/reservations/getAll`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ Limitation: { Cursor: null, Count: 10 } }),
      });
      expect(answer.status).toBe(200);
      expect(reached.slice(before)).toEqual(['/api/connector/v1/reservations/getAll']);
    } finally {
      await demo.close();
      for (const name of ['MEWS_CLIENT_TOKEN', 'MEWS_ACCESS_TOKEN', 'MEWS_PLATFORM_ADDRESS'])
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
    }
  });

  it('drops the vendor’s CORS and cookie headers, and does not follow its redirects', async () => {
    const demo = await startDemoServer({
      mode: 'static',
      env: {
        MEWS_CLIENT_TOKEN: 'live-client',
        MEWS_ACCESS_TOKEN: 'live-access',
        MEWS_PLATFORM_ADDRESS: vendorUrl,
      },
    });
    try {
      const answer = await send(`${demo.url}/api/mews/api/connector/v1/reservations/getAll`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ Limitation: { Cursor: null, Count: 10 } }),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      const redirected = await send(`${demo.url}/api/mews/api/connector/v1/customers/getAll`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ Limitation: { Cursor: null, Count: 10 } }),
      });
      expect(redirected.status).toBe(502);
      expect(JSON.parse(redirected.text).error).toMatch(/could not be reached/);
      expect(reached.every((u) => !u.includes('steal'))).toBe(true);
      // An error that quotes the request is passed on (the runner reads it), its tokens replaced.
      const echoed = await send(`${demo.url}/api/mews/api/connector/v1/reservations/getAll`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ Limitation: { Cursor: null, Count: 7 } }),
      });
      expect(echoed.status).toBe(400);
      expect(echoed.text).toContain('[redacted]');
      expect(echoed.text).not.toMatch(/live-client|live-access/);
    } finally {
      await demo.close();
    }
  });
});
