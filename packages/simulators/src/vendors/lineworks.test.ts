import { describe, expect, it } from 'vitest';
import { call } from '../call.js';
import { createLineWorksSimulator, LINEWORKS_CREDENTIALS } from './lineworks.js';

type Users = {
  users: Array<{ userId: string }>;
  responseMetaData: { nextCursor?: string };
  code?: string;
  description?: string;
};

function signIn(sim: ReturnType<typeof createLineWorksSimulator>): Record<string, string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: LINEWORKS_CREDENTIALS.clientId,
    client_secret: LINEWORKS_CREDENTIALS.clientSecret,
    scope: 'user.read',
  });
  const res = call<{ access_token: string }>(sim, 'POST', '/oauth2/v2.0/token', {
    body: form.toString(),
  });
  return { authorization: `Bearer ${res.json.access_token}` };
}

describe('LINE WORKS simulator', () => {
  it('answers the docs example shape: items plus responseMetaData.nextCursor', () => {
    const sim = createLineWorksSimulator({ sizes: { users: 250 } });
    const res = call<Users>(sim, 'GET', '/v1.0/users?count=100', { headers: signIn(sim) });
    expect(res.status).toBe(200);
    expect(res.json.users).toHaveLength(100);
    expect(res.json.responseMetaData.nextCursor).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  it('omits nextCursor on the last page (responseMetaData stays)', () => {
    const sim = createLineWorksSimulator({ sizes: { users: 150 } });
    const headers = signIn(sim);
    const p1 = call<Users>(sim, 'GET', '/v1.0/users?count=100', { headers }).json;
    const p2 = call<Users>(
      sim,
      'GET',
      `/v1.0/users?count=100&cursor=${encodeURIComponent(p1.responseMetaData.nextCursor!)}`,
      { headers },
    ).json;
    expect(p2.users).toHaveLength(50);
    expect(p2.responseMetaData).toEqual({});
  });

  it('uses the endpoint default count when none is sent', () => {
    const sim = createLineWorksSimulator({ sizes: { users: 250 } });
    expect(
      call<Users>(sim, 'GET', '/v1.0/users', { headers: signIn(sim) }).json.users,
    ).toHaveLength(100);
  });

  it.each(['101', '0', 'x'])('refuses count=%s (maxCount is 100)', (count) => {
    const sim = createLineWorksSimulator({ sizes: { users: 10 } });
    const res = call<Users>(sim, 'GET', `/v1.0/users?count=${count}`, { headers: signIn(sim) });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('INVALID_PARAMETER');
  });

  it('needs the cursor back URL-encoded: a raw "+" read as a space is an invalid cursor', () => {
    const sim = createLineWorksSimulator({ sizes: { users: 5000 } });
    const headers = signIn(sim);
    let cursor: string | undefined;
    let withPlus: string | undefined;
    for (let i = 0; i < 40 && !withPlus; i++) {
      const res: Users = call<Users>(
        sim,
        'GET',
        `/v1.0/users?count=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers },
      ).json;
      cursor = res.responseMetaData.nextCursor;
      if (cursor?.includes('+')) withPlus = cursor;
    }
    expect(withPlus).toBeDefined();
    expect(call(sim, 'GET', `/v1.0/users?count=100&cursor=${withPlus}`, { headers }).status).toBe(
      400,
    );
    expect(
      call(sim, 'GET', `/v1.0/users?count=100&cursor=${encodeURIComponent(withPlus!)}`, { headers })
        .status,
    ).toBe(200);
  });

  it('walks 100,000 users exactly once in order', () => {
    const sim = createLineWorksSimulator();
    const headers = signIn(sim);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const res: Users = call<Users>(
        sim,
        'GET',
        `/v1.0/users?count=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers },
      ).json;
      for (const u of res.users) ids.push(u.userId);
      cursor = res.responseMetaData.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(100_000);
    expect(new Set(ids).size).toBe(100_000);
  });

  it('answers calendars as calendarPersonals with maxCount 50', () => {
    const sim = createLineWorksSimulator({ sizes: { calendars: 60 } });
    const headers = signIn(sim);
    const res = call<{ calendarPersonals: unknown[] }>(
      sim,
      'GET',
      '/v1.0/users/me/calendar-personals?count=50',
      { headers },
    );
    expect(res.json.calendarPersonals).toHaveLength(50);
    expect(call(sim, 'GET', '/v1.0/users/me/calendar-personals?count=51', { headers }).status).toBe(
      400,
    );
  });

  it('needs a Bearer token and expires it after N requests in a scenario', () => {
    const sim = createLineWorksSimulator({
      sizes: { users: 10 },
      faults: { tokenExpiresAfterRequests: 1 },
    });
    expect(call(sim, 'GET', '/v1.0/users').status).toBe(401);
    const headers = signIn(sim);
    expect(call(sim, 'GET', '/v1.0/users', { headers }).status).toBe(200);
    const expired = call<Users>(sim, 'GET', '/v1.0/users', { headers });
    expect(expired.status).toBe(401);
    expect(expired.json.code).toBe('UNAUTHORIZED');
    // Only the expiry the scenario caused is marked as its fault (not the request without a token).
    expect(sim.log.entries.filter((e) => e.fault).map((e) => [e.status, e.fault])).toEqual([
      [401, 'token-expired'],
    ]);
  });
});
