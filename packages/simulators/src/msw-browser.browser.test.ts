import { setupWorker } from 'msw/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorHandlers } from './msw.js';
import { createSimulators, VENDOR_BASE_URLS } from './simulator-set.js';
import { DASHLY_CREDENTIALS } from './vendors/dashly.js';
import { DINGTALK_CREDENTIALS } from './vendors/dingtalk.js';

const sims = createSimulators({
  dingtalk: { sizes: { classes: 2345 } },
  dashly: { sizes: { conversations: 40 } },
});
const worker = setupWorker(
  ...simulatorHandlers({
    [VENDOR_BASE_URLS.dingtalk]: sims.dingtalk,
    [VENDOR_BASE_URLS.dashly]: sims.dashly,
  }),
);

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterAll(() => worker.stop());

describe('the simulators through MSW in a real browser', () => {
  it('answer a DingTalk walk at the vendor URL, with its auth header', async () => {
    const auth = await fetch(`${VENDOR_BASE_URLS.dingtalk}/v1.0/oauth2/accessToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DINGTALK_CREDENTIALS),
    });
    const { accessToken } = (await auth.json()) as { accessToken: string };
    let token: string | undefined;
    let n = 0;
    do {
      const q = new URLSearchParams({ maxResults: '500', ...(token ? { nextToken: token } : {}) });
      const res = await fetch(`${VENDOR_BASE_URLS.dingtalk}/v1.0/edu/grades/g1/classes?${q}`, {
        headers: { 'x-acs-dingtalk-access-token': accessToken },
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { list: unknown[]; nextToken?: string };
      n += page.list.length;
      token = page.nextToken;
    } while (token);
    expect(n).toBe(2345);
    expect(sims.dingtalk.log.entries.at(-1)).toMatchObject({ status: 200, cursorOut: null });
  });

  it('keep Dashly ids as exact JSON numbers on the wire', async () => {
    const res = await fetch(
      `${VENDOR_BASE_URLS.dashly}/apps/1/conversations?auth_token=${DASHLY_CREDENTIALS.authToken}`,
    );
    expect(await res.text()).toMatch(/"id":\d{19}[,}]/);
  });

  it('answer faults: 429 with Retry-After, and a dropped connection', async () => {
    sims.dashly.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 2 });
    const limited = await fetch(
      `${VENDOR_BASE_URLS.dashly}/apps/1/conversations?auth_token=${DASHLY_CREDENTIALS.authToken}`,
    );
    expect(limited.status).toBe(429);
    sims.dashly.injectOnce({ kind: 'network-error' });
    await expect(fetch(`${VENDOR_BASE_URLS.dashly}/apps/1/conversations`)).rejects.toThrow();
  });
});
