import { describe, expect, it } from 'vitest';
import { call } from './call.js';
import { NO_FAULTS, validateFaultConfig, validateOneShot } from './faults.js';
import { createDashlySimulator, DASHLY_CREDENTIALS } from './vendors/dashly.js';
import { createGenericSimulator } from './vendors/generic.js';
import { createMewsSimulator, MEWS_CREDENTIALS } from './vendors/mews.js';

const URL_ = '/api/connector/v1/customers/getAll';
const body = (Count = 10, Cursor: string | null = null) => ({
  ClientToken: MEWS_CREDENTIALS.clientToken,
  AccessToken: MEWS_CREDENTIALS.accessToken,
  Client: 'test',
  Limitation: { Cursor, Count },
});

describe('Simulator faults and request log', () => {
  it('logs method, path, params, size, cursor in and out, status and latency', () => {
    const sim = createMewsSimulator({
      sizes: { customers: 30 },
      faults: { latencyMs: 120, jitterMs: 0 },
    });
    const first = call<{ Cursor: string }>(sim, 'POST', URL_, { body: body(10) });
    call(sim, 'POST', URL_, { body: body(10, first.json.Cursor) });
    const [a, b] = sim.log.entries;
    expect(a).toMatchObject({
      seq: 1,
      vendor: 'mews',
      method: 'POST',
      path: URL_,
      size: 10,
      cursorIn: null,
      cursorOut: first.json.Cursor,
      status: 200,
      latencyMs: 120,
      itemCount: 10,
    });
    expect(b).toMatchObject({ seq: 2, cursorIn: first.json.Cursor });
    expect(JSON.stringify(sim.log.entries)).not.toContain(MEWS_CREDENTIALS.accessToken);
  });

  it('notifies subscribers as requests happen', () => {
    const sim = createMewsSimulator({ sizes: { customers: 5 } });
    const seen: number[] = [];
    const stop = sim.log.subscribe((e) => seen.push(e.status));
    call(sim, 'POST', URL_, { body: body(1) });
    stop();
    call(sim, 'POST', URL_, { body: body(1) });
    expect(seen).toEqual([200]);
  });

  it('replays the same faults for the same seed, at about the configured rates', () => {
    const run = () => {
      const sim = createMewsSimulator({
        sizes: { customers: 5 },
        faults: { serverErrorRate: 0.1, rateLimitRate: 0.05, seed: 11 },
      });
      return Array.from({ length: 2000 }, () => call(sim, 'POST', URL_, { body: body(1) }).status);
    };
    const a = run();
    expect(run()).toEqual(a);
    const share = (p: (s: number) => boolean) => a.filter(p).length / a.length;
    expect(share((s) => s >= 500)).toBeGreaterThan(0.06);
    expect(share((s) => s >= 500)).toBeLessThan(0.14);
    expect(share((s) => s === 429)).toBeGreaterThan(0.02);
    expect(share((s) => s === 429)).toBeLessThan(0.08);
  });

  it('answers 429 with Retry-After in the vendor error shape', () => {
    const sim = createMewsSimulator({ sizes: { customers: 5 } });
    sim.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 3 });
    const res = call<{ Message: string }>(sim, 'POST', URL_, { body: body(1) });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.json.Message).toBeTruthy();
    expect(call(sim, 'POST', URL_, { body: body(1) }).status).toBe(200);
  });

  it.each(['html', 'truncated', 'empty'] as const)('sends a %s body when asked', (kind) => {
    const sim = createMewsSimulator({ sizes: { customers: 5 } });
    sim.injectOnce({ kind: 'malformed', malformed: kind });
    const res = call(sim, 'POST', URL_, { body: body(1) });
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined();
    expect(sim.log.entries[0]!.fault).toBe(`malformed ${kind}`);
  });

  it('drops the items field for a no-items body', () => {
    const sim = createMewsSimulator({ sizes: { customers: 5 } });
    sim.injectOnce({ kind: 'malformed', malformed: 'no-items' });
    const res = call<Record<string, unknown>>(sim, 'POST', URL_, { body: body(1) });
    expect(res.json).toHaveProperty('Cursor');
    expect(res.json).not.toHaveProperty('Customers');
  });

  it('takes a one-shot fault from an x-sim-fault header', () => {
    const sim = createMewsSimulator({ sizes: { customers: 5 } });
    expect(
      call(sim, 'POST', URL_, { body: body(1), headers: { 'x-sim-fault': 'server-error:503' } })
        .status,
    ).toBe(503);
    expect(
      call(sim, 'POST', URL_, { body: body(1), headers: { 'x-sim-fault': 'network-error' } })
        .status,
    ).toBe(0);
  });

  it('answers 404 in the vendor shape for an unknown path', () => {
    const sim = createMewsSimulator();
    expect(call(sim, 'POST', '/api/connector/v1/nothing/getAll', { body: body(1) }).status).toBe(
      404,
    );
  });

  it('deletes during a walk without losing the cursor (tombstones position the walk)', () => {
    const sim = createMewsSimulator({
      sizes: { customers: 200 },
      faults: { deleteEvery: 1, mutationAt: 'random', seed: 3 },
    });
    const ids: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const res: { Customers: Array<{ Id: string }>; Cursor: string | null; Message?: string } =
        call<{ Customers: Array<{ Id: string }>; Cursor: string | null }>(sim, 'POST', URL_, {
          body: body(20, cursor),
        }).json;
      expect(res.Message).toBeUndefined();
      ids.push(...res.Customers.map((c) => c.Id));
      if (res.Cursor === null || res.Customers.length < 20) break;
      cursor = res.Cursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts a head insert or delete at a newest-first list's head: the newest message (Dashly)", () => {
    const sim = createDashlySimulator({ sizes: { parts: 50 } });
    // A message arrived ("a new message arrives" in the demo): the newest, with the newest id.
    sim.insertItems('/conversations/1/parts', 1, 'end');
    sim.configure({ insertEvery: 1, mutationAt: 'head' });
    const newest = () =>
      call<{ data: Array<{ id: string; body: string }> }>(
        sim,
        'GET',
        `/conversations/1/parts?auth_token=${DASHLY_CREDENTIALS.authToken}&paginate_count=3&paginate_page_order=desc`,
      ).json.data;
    const before = newest();
    // The request was the first list request: its insert came before it, at the newest end.
    expect(before[0]?.body).toMatch(/^New message/);
    const after = newest();
    expect(after[0]?.body).toMatch(/^New message/);
    expect(after[1]?.id).toBe(before[0]?.id);
    sim.configure({ insertEvery: null, deleteEvery: 1 });
    expect(newest()[0]?.id).toBe(after[1]?.id);
  });
});

describe('inserts and deletes', () => {
  it('never gives a new item the id of a deleted one, at the head, the end or in between', () => {
    const sim = createGenericSimulator({ size: 10 });
    const deleted = [
      ...sim.deleteItems('/items', 3, 'start'),
      ...sim.deleteItems('/items', 2, 'end'),
      ...sim.deleteItems('/items', 1, 2),
    ];
    const inserted = [
      ...sim.insertItems('/items', 3, 'start'),
      ...sim.insertItems('/items', 2, 'end'),
    ];
    expect(inserted.filter((id) => deleted.includes(id))).toEqual([]);
    expect(new Set(inserted).size).toBe(inserted.length);
    // Still in walk order: the head's before the first item left, the end's after the last.
    const ids = call<{ items: Array<{ id: number }> }>(
      sim,
      'GET',
      '/items?offset=0&limit=50',
    ).json.items.map((x) => x.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids.slice(0, 3).map(String)).toEqual(
      inserted.slice(0, 3).sort((a, b) => Number(a) - Number(b)),
    );
  });
});

describe('simulator hardening', () => {
  it('never logs a credential passed in the query (Dashly auth_token)', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 5 } });
    call(sim, 'GET', '/apps/1/conversations?auth_token=secret-token-123&paginate_count=2');
    const entry = sim.log.entries.at(-1)!;
    expect(JSON.stringify(entry)).not.toContain('secret-token-123');
    expect(entry.params.auth_token).toBe('[redacted]');
    expect(entry.params.paginate_count).toBe('2');
  });

  it('a faulted Mews request is logged with the page it asked for, never its tokens', () => {
    const sim = createMewsSimulator({ sizes: { customers: 5 } });
    sim.injectOnce({ kind: 'server-error', status: 503 });
    call(sim, 'POST', URL_, { body: body(3, 'abc') });
    const entry = sim.log.entries.at(-1)!;
    expect(entry.status).toBe(503);
    expect(entry.params).toMatchObject({ Cursor: 'abc', Count: '3' });
    expect(JSON.stringify(entry)).not.toContain(MEWS_CREDENTIALS.accessToken);
    expect(JSON.stringify(entry)).not.toContain(MEWS_CREDENTIALS.clientToken);
  });

  it('queues at most 100 one-shot faults', () => {
    const sim = createMewsSimulator();
    for (let i = 0; i < 100; i++) sim.injectOnce({ kind: 'latency', ms: 1 });
    expect(() => sim.injectOnce({ kind: 'latency', ms: 1 })).toThrow(RangeError);
  });

  it('answers a redirect and drips a body when asked (for the runner’s tests)', () => {
    const sim = createMewsSimulator({ sizes: { customers: 5 } });
    sim.injectOnce({ kind: 'redirect', status: 307, location: 'https://evil.example/steal' });
    const redirected = call(sim, 'POST', URL_, { body: body(2) });
    expect(redirected.status).toBe(307);
    sim.injectOnce({ kind: 'drip', intervalMs: 50 });
    expect(
      sim.handle({ method: 'POST', url: URL_, headers: {}, body: JSON.stringify({}) }).dripMs,
    ).toBe(50);
  });

  it('validates scenarios and one-shot faults with a reason', () => {
    expect(() => validateFaultConfig({ latencyMs: 'x' })).toThrow(/latencyMs must be a number/);
    expect(() => validateFaultConfig({ latencyMs: 2_000_000_000 })).toThrow(/from 0 to 60000/);
    expect(() => validateFaultConfig({ nope: 1 })).toThrow(/unknown fault "nope"/);
    expect(() => validateFaultConfig([])).toThrow(/JSON object/);
    expect(validateFaultConfig({ latencyMs: 10, insertEvery: null })).toEqual({
      latencyMs: 10,
      insertEvery: null,
    });
    // Every field a simulator reports (its control endpoint's GET) is one it accepts back.
    expect(() => validateFaultConfig({ ...NO_FAULTS })).not.toThrow();
    expect(() => validateFaultConfig({ redirectRate: 2 })).toThrow(/redirectRate must be/);
    expect(() => validateOneShot({ kind: 'boom' })).toThrow(/needs a kind/);
    expect(() => validateOneShot({ kind: 'redirect' })).toThrow(/needs a location/);
  });
});
