import {
  createSimulators,
  DASHLY_CREDENTIALS,
  DINGTALK_CREDENTIALS,
  LINEWORKS_CREDENTIALS,
  MEWS_CREDENTIALS,
  VENDOR_BASE_URLS,
} from '@pagewise/testkit';
import { simulatorHandlers } from '@pagewise/testkit/msw-browser';
import { setupWorker } from 'msw/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticToken } from './auth/token-provider.js';
import { paginate } from './paginate.js';
import { createRequestRunner } from './runner/request-runner.js';
import { dashlyList } from './vendors/dashly.js';
import { dingtalkTokenList, dingtalkTokenProvider } from './vendors/dingtalk.js';
import { lineworksList, lineworksTokenProvider } from './vendors/lineworks.js';
import { mewsGetAll } from './vendors/mews.js';

const sims = createSimulators({
  dingtalk: { sizes: { events: 1234 }, faults: { tokenExpiresAfterRequests: 4 } },
  lineworks: { sizes: { users: 777 } },
  dashly: { sizes: { conversations: 333 } },
  mews: { sizes: { customers: 2500 } },
});
const worker = setupWorker(
  ...simulatorHandlers({
    [VENDOR_BASE_URLS.dingtalk]: sims.dingtalk,
    [VENDOR_BASE_URLS.lineworks]: sims.lineworks,
    [VENDOR_BASE_URLS.dashly]: sims.dashly,
    [VENDOR_BASE_URLS.mews]: sims.mews,
  }),
);
beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterAll(() => worker.stop());

describe('@pagewise/core in a real browser, against the simulators through MSW', () => {
  it('walks DingTalk through token expiry', async () => {
    const runner = createRequestRunner({
      baseUrl: VENDOR_BASE_URLS.dingtalk,
      token: dingtalkTokenProvider(DINGTALK_CREDENTIALS),
    });
    const source = dingtalkTokenList({
      path: '/v1.0/calendar/users/u/calendars/primary/events',
      items: 'events',
      key: (e: { id: string }) => e.id,
    });
    expect(await paginate(source, { runner, size: 100 }).toArray()).toHaveLength(1234);
  });

  it('walks LINE WORKS, sending base64 cursors back URL-encoded', async () => {
    const runner = createRequestRunner({
      baseUrl: VENDOR_BASE_URLS.lineworks,
      token: lineworksTokenProvider({
        tokenUrl: `${VENDOR_BASE_URLS.lineworks}/oauth2/v2.0/token`,
        ...LINEWORKS_CREDENTIALS,
      }),
    });
    const source = lineworksList({
      path: '/v1.0/users',
      items: 'users',
      maxCount: 100,
      key: (u: { userId: string }) => u.userId,
    });
    expect(await paginate(source, { runner, size: 100 }).toArray()).toHaveLength(777);
  });

  it('walks Dashly with exact positions (ids beyond 2^53)', async () => {
    const runner = createRequestRunner({
      baseUrl: VENDOR_BASE_URLS.dashly,
      token: staticToken(DASHLY_CREDENTIALS.authToken),
    });
    const source = dashlyList<{ id: string }>({
      path: '/apps/1/conversations',
      position: ['created', 'id'],
    });
    const items = await paginate(source, { runner, size: 50 }).toArray();
    expect(new Set(items.map((c) => c.id)).size).toBe(333);
  });

  it('walks Mews newest to oldest, ending on the short last page', async () => {
    // An app's browser bundle would leave the credentials to its backend; this test plays both sides.
    const runner = createRequestRunner({ baseUrl: VENDOR_BASE_URLS.mews });
    const source = mewsGetAll({
      entity: 'customers',
      items: 'Customers',
      credentials: {
        clientToken: MEWS_CREDENTIALS.clientToken,
        accessToken: MEWS_CREDENTIALS.accessToken,
      },
    });
    expect(await paginate(source, { runner, size: 1000 }).toArray()).toHaveLength(2500);
  });

  it('aborts a request in flight', async () => {
    sims.mews.configure({ latencyMs: 5000 });
    const runner = createRequestRunner({ baseUrl: VENDOR_BASE_URLS.mews });
    const controller = new AbortController();
    const pending = runner.fetchPage(
      mewsGetAll({ entity: 'customers', items: 'Customers' }),
      { cursor: null },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    sims.mews.configure({});
  });
});
