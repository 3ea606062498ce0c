import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../chromium.js';
import { startDemoServer } from '../server/demo-server.js';

/**
 * Finding 2 of the hardening audit, in Chromium: a page the user opens on another origin (or a
 * DNS-rebinding page that names the demo's port under its own host name) tries to change the
 * faults, to reach the vendors through the proxy and to read the inspector.
 */
let demo: Awaited<ReturnType<typeof startDemoServer>>;
let attacker: Server;
let attackerUrl = '';
let browser: Browser;

const ATTACK = (target: string) => `<!doctype html><title>attacker</title><script>
  const target = ${JSON.stringify(target)};
  window.results = (async () => {
    const out = {};
    const attempt = async (name, run) => { try { out[name] = await run(); } catch (e) { out[name] = 'blocked: ' + e.name; } };
    await attempt('faults', () => fetch(target + '/api/_faults/mews', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"latencyMs":2000000000}' }).then((r) => r.type));
    await attempt('faultsJson', () => fetch(target + '/api/_faults/mews', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"latencyMs":2000000000}' }).then((r) => r.status));
    await attempt('proxy', () => fetch(target + '/api/mews/api/connector/v1/reservations/getAll', { method: 'POST', mode: 'no-cors', body: '{"Limitation":{"Count":10}}' }).then((r) => r.type));
    await attempt('inspector', () => fetch(target + '/api/_inspector/log').then((r) => r.text()));
    return out;
  })();
</script>`;

beforeAll(async () => {
  demo = await startDemoServer({
    mode: 'static',
    simulators: { mews: { sizes: { reservations: 30 } } },
  });
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(ATTACK(demo.url));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  // Another origin: another host name for the same loopback address.
  attackerUrl = `http://attacker.test:${(attacker.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      '--host-resolver-rules=MAP attacker.test 127.0.0.1, MAP evil.test 127.0.0.1',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => attacker?.close(() => resolve()));
  await demo?.close();
});

describe('a page on another origin', () => {
  it('cannot change the faults, reach the vendors through the proxy, or read the inspector', async () => {
    const page = await browser.newPage();
    await page.goto(attackerUrl);
    const results = (await page.evaluate('window.results')) as Record<string, unknown>;
    expect(results.inspector).toMatch(/^blocked/);
    expect(results.faultsJson).toMatch(/^blocked/); // its preflight is refused
    expect(demo.sims.mews.faults.latencyMs).toBe(0);
    expect(demo.sims.mews.log.entries).toHaveLength(0);
    await page.close();
  });

  it('cannot read anything under its own host name (DNS rebinding)', async () => {
    const page = await browser.newPage();
    const { port } = new URL(demo.url);
    const inspector = await page.goto(`http://evil.test:${port}/api/_inspector/log`);
    expect(inspector?.status()).toBe(421);
    expect(await page.textContent('body')).not.toMatch(/"vendor"/);
    const app = await page.goto(`http://evil.test:${port}/`);
    expect(app?.status()).toBe(421);
    await page.close();
  });
});
