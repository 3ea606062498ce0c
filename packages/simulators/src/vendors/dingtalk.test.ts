import { describe, expect, it } from 'vitest';
import { call } from '../call.js';
import { createDingTalkSimulator, DINGTALK_CREDENTIALS } from './dingtalk.js';

type List = {
  list?: Array<{ classId: number }>;
  events?: Array<{ id: string }>;
  nextToken?: string;
  syncToken?: string;
  code?: string;
  errcode?: number;
};
const CLASSES = '/v1.0/edu/grades/g1/classes';
const EVENTS = '/v1.0/calendar/users/u1/calendars/primary/events';

function signIn(sim: ReturnType<typeof createDingTalkSimulator>): Record<string, string> {
  const res = call<{ accessToken: string; expireIn: number }>(
    sim,
    'POST',
    '/v1.0/oauth2/accessToken',
    { body: DINGTALK_CREDENTIALS },
  );
  return { 'x-acs-dingtalk-access-token': res.json.accessToken };
}

describe('DingTalk simulator: access token', () => {
  it('issues {accessToken, expireIn: 7200} for the app key and secret', () => {
    const sim = createDingTalkSimulator();
    const res = call<{ accessToken: string; expireIn: number }>(
      sim,
      'POST',
      '/v1.0/oauth2/accessToken',
      { body: DINGTALK_CREDENTIALS },
    );
    expect(res.status).toBe(200);
    expect(res.json.expireIn).toBe(7200);
    expect(res.json.accessToken).toMatch(/\w+/);
  });

  it('refuses a wrong secret', () => {
    const sim = createDingTalkSimulator();
    const res = call(sim, 'POST', '/v1.0/oauth2/accessToken', {
      body: { appKey: DINGTALK_CREDENTIALS.appKey, appSecret: 'nope' },
    });
    expect(res.status).toBe(400);
  });

  it('answers 40014 for a missing or unknown token, in the x-acs-dingtalk-access-token header', () => {
    const sim = createDingTalkSimulator({ sizes: { classes: 10 } });
    expect(call<List>(sim, 'GET', CLASSES).json.code).toBe('40014');
    const res = call<List>(sim, 'GET', CLASSES, {
      headers: { 'x-acs-dingtalk-access-token': 'forged' },
    });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('40014');
    expect(call(sim, 'GET', CLASSES, { headers: signIn(sim) }).status).toBe(200);
  });

  it('expires a token after 7,200 s (40001), and a new one works', () => {
    let now = 1_000_000;
    const sim = createDingTalkSimulator({ sizes: { classes: 10 }, now: () => now });
    const headers = signIn(sim);
    now += 7_199_000;
    expect(call(sim, 'GET', CLASSES, { headers }).status).toBe(200);
    now += 1_000;
    const res = call<List>(sim, 'GET', CLASSES, { headers });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('40001');
    expect(call(sim, 'GET', CLASSES, { headers: signIn(sim) }).status).toBe(200);
  });

  it('expires tokens after N requests when the scenario says so', () => {
    const sim = createDingTalkSimulator({
      sizes: { classes: 10 },
      faults: { tokenExpiresAfterRequests: 2 },
    });
    const headers = signIn(sim);
    expect(call(sim, 'GET', CLASSES, { headers }).status).toBe(200);
    expect(call(sim, 'GET', CLASSES, { headers }).status).toBe(200);
    expect(call<List>(sim, 'GET', CLASSES, { headers }).json.code).toBe('40001');
    // The log (the demo's inspector) marks the refused request as the scenario's fault.
    expect(sim.log.entries.filter((e) => e.fault).map((e) => [e.status, e.fault])).toEqual([
      [401, 'token-expired'],
    ]);
  });

  it('can answer token errors the older oapi way: HTTP 200 with errcode', () => {
    const sim = createDingTalkSimulator({ sizes: { classes: 10 }, tokenErrorsInBody: true });
    const res = call<List>(sim, 'GET', CLASSES, {
      headers: { 'x-acs-dingtalk-access-token': 'forged' },
    });
    expect(res.status).toBe(200);
    expect(res.json.errcode).toBe(40014);
  });
});

describe('DingTalk simulator: nextToken lists', () => {
  it('walks 100,000 classes from a first call without nextToken until nextToken is gone', () => {
    const sim = createDingTalkSimulator();
    const headers = signIn(sim);
    let token: string | undefined;
    let first = true;
    const ids: number[] = [];
    let requests = 0;
    while (first || token) {
      first = false;
      const q = new URLSearchParams({ maxResults: '500', ...(token ? { nextToken: token } : {}) });
      const res = call<List>(sim, 'GET', `${CLASSES}?${q}`, { headers });
      expect(res.status).toBe(200);
      requests++;
      for (const c of res.json.list ?? []) ids.push(c.classId);
      token = res.json.nextToken;
    }
    expect(ids).toHaveLength(100_000);
    expect(new Set(ids).size).toBe(100_000);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(requests).toBe(200);
  });

  it('accepts nextToken=0 as the first page', () => {
    const sim = createDingTalkSimulator({ sizes: { classes: 30 } });
    const headers = signIn(sim);
    const plain = call<List>(sim, 'GET', `${CLASSES}?maxResults=10`, { headers }).json;
    const zero = call<List>(sim, 'GET', `${CLASSES}?maxResults=10&nextToken=0`, { headers }).json;
    expect(zero.list).toEqual(plain.list);
  });

  it('treats maxResults as a maximum: the last page may hold fewer', () => {
    const sim = createDingTalkSimulator({ sizes: { classes: 25 } });
    const headers = signIn(sim);
    const p1 = call<List>(sim, 'GET', `${CLASSES}?maxResults=20`, { headers }).json;
    const p2 = call<List>(
      sim,
      'GET',
      `${CLASSES}?maxResults=20&nextToken=${encodeURIComponent(p1.nextToken!)}`,
      { headers },
    ).json;
    expect(p1.list).toHaveLength(20);
    expect(p2.list).toHaveLength(5);
    expect(p2).not.toHaveProperty('nextToken');
  });

  it.each(['0', '501', '-3', 'ten', '2.5'])('refuses maxResults=%s (at most 500)', (size) => {
    const sim = createDingTalkSimulator({ sizes: { classes: 10 } });
    const res = call<List>(sim, 'GET', `${CLASSES}?maxResults=${size}`, { headers: signIn(sim) });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('InvalidParameter.MaxResults');
  });

  it('rejects a token it did not issue, and one altered in transit', () => {
    const sim = createDingTalkSimulator({ sizes: { classes: 30 } });
    const headers = signIn(sim);
    const p1 = call<List>(sim, 'GET', `${CLASSES}?maxResults=10`, { headers }).json;
    expect(
      call<List>(sim, 'GET', `${CLASSES}?nextToken=bGFzdD0xMTExMExMSZdGhlcnBhcmFtPXh4eCYuLi4u`, {
        headers,
      }).json.code,
    ).toBe('InvalidParameter.NextToken');
    const altered = p1.nextToken!.replace(/[+/]/g, ' ');
    if (altered !== p1.nextToken) {
      expect(
        call(sim, 'GET', `${CLASSES}?nextToken=${encodeURIComponent(altered)}`, { headers }).status,
      ).toBe(400);
    }
  });

  it('rejects the nextToken of the Nth page when the scenario says so, once', () => {
    const sim = createDingTalkSimulator({
      sizes: { classes: 50 },
      faults: { invalidCursorOnRequest: 2 },
    });
    const headers = signIn(sim);
    const p1 = call<List>(sim, 'GET', `${CLASSES}?maxResults=10`, { headers }).json;
    const p2 = call<List>(
      sim,
      'GET',
      `${CLASSES}?maxResults=10&nextToken=${encodeURIComponent(p1.nextToken!)}`,
      { headers },
    ).json;
    const bad = call<List>(
      sim,
      'GET',
      `${CLASSES}?maxResults=10&nextToken=${encodeURIComponent(p2.nextToken!)}`,
      { headers },
    );
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('InvalidParameter.NextToken');
    expect(
      call(sim, 'GET', `${CLASSES}?maxResults=10&nextToken=${encodeURIComponent(p2.nextToken!)}`, {
        headers,
      }).status,
    ).toBe(200);
  });

  it('answers calendar events as {events, nextToken} and a syncToken on the last page', () => {
    const sim = createDingTalkSimulator({ sizes: { events: 15 } });
    const headers = signIn(sim);
    const p1 = call<List>(sim, 'GET', `${EVENTS}?maxResults=10`, { headers }).json;
    expect(p1.events).toHaveLength(10);
    expect(p1.nextToken).toBeTruthy();
    expect(p1.syncToken).toBeUndefined();
    const p2 = call<List>(
      sim,
      'GET',
      `${EVENTS}?maxResults=10&nextToken=${encodeURIComponent(p1.nextToken!)}`,
      { headers },
    ).json;
    expect(p2.events).toHaveLength(5);
    expect(p2.nextToken).toBeUndefined();
    expect(p2.syncToken).toBeTruthy();
  });

  it('can end with an empty nextToken instead of none', () => {
    const sim = createDingTalkSimulator({ sizes: { events: 5 }, endToken: 'empty' });
    const res = call<List>(sim, 'GET', `${EVENTS}?maxResults=10`, { headers: signIn(sim) }).json;
    expect(res.nextToken).toBe('');
  });
});

describe('DingTalk simulator: pageNumber lists', () => {
  type Adj = {
    result: { items: Array<{ id: number }>; pageNumber: number; totalPage: number };
    code?: string;
  };
  const ADJ = '/v1.0/attendance/adjustments';

  it('starts at pageNumber=1 and answers {result: {items, pageNumber, totalPage}}, the last page shorter', () => {
    const sim = createDingTalkSimulator({ sizes: { adjustments: 45 } });
    const headers = signIn(sim);
    const p1 = call<Adj>(sim, 'GET', `${ADJ}?pageNumber=1&pageSize=20`, { headers }).json.result;
    expect(p1.items).toHaveLength(20);
    expect(p1.pageNumber).toBe(1);
    expect(p1.totalPage).toBe(3);
    const p3 = call<Adj>(sim, 'GET', `${ADJ}?pageNumber=3&pageSize=20`, { headers }).json.result;
    expect(p3.items).toHaveLength(5);
    const p4 = call<Adj>(sim, 'GET', `${ADJ}?pageNumber=4&pageSize=20`, { headers }).json.result;
    expect(p4.items).toHaveLength(0);
  });

  it.each([
    ['pageSize', '201'],
    ['pageSize', '0'],
    ['pageNumber', '0'],
    ['pageNumber', 'x'],
  ])('refuses %s=%s', (name, value) => {
    const sim = createDingTalkSimulator({ sizes: { adjustments: 45 } });
    const q = new URLSearchParams({ pageNumber: '1', pageSize: '20', [name]: value });
    const res = call<Adj>(sim, 'GET', `${ADJ}?${q}`, { headers: signIn(sim) });
    expect(res.status).toBe(400);
    expect(res.json.code).toMatch(/^InvalidParameter/);
  });

  it('drifts under inserts (offset paging) where the nextToken walk does not', () => {
    const sim = createDingTalkSimulator({
      sizes: { adjustments: 100, classes: 100 },
      faults: { insertEvery: 1, mutationAt: 'head' },
    });
    const headers = signIn(sim);
    const seen: number[] = [];
    for (let page = 1; page <= 5; page++) {
      for (const a of call<Adj>(sim, 'GET', `${ADJ}?pageNumber=${page}&pageSize=20`, { headers })
        .json.result.items)
        seen.push(a.id);
    }
    expect(new Set(seen).size).toBeLessThan(seen.length); // duplicates: each insert at the head pushes one row to the next page

    const walked: number[] = [];
    let token: string | undefined;
    do {
      const q = new URLSearchParams({ maxResults: '20', ...(token ? { nextToken: token } : {}) });
      const res = call<List>(sim, 'GET', `${CLASSES}?${q}`, { headers }).json;
      for (const c of res.list ?? []) walked.push(c.classId);
      token = res.nextToken;
    } while (token);
    expect(new Set(walked).size).toBe(walked.length);
  });
});
