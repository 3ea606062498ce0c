import { describe, expect, it } from 'vitest';
import { call } from '../call.js';
import { createMewsSimulator, MEWS_CREDENTIALS } from './mews.js';

const CUSTOMERS = '/api/connector/v1/customers/getAll';
type Answer = {
  Customers?: Array<{ Id: string; CreatedUtc: string }>;
  Reservations?: unknown[];
  Cursor: string | null;
  Message?: string;
};
const body = (limitation: Record<string, unknown>) => ({
  ClientToken: MEWS_CREDENTIALS.clientToken,
  AccessToken: MEWS_CREDENTIALS.accessToken,
  Client: 'Sample Client 1.0.0',
  Limitation: limitation,
});

describe('Mews simulator', () => {
  it('answers the docs example: Cursor null and Count 10 gives the 10 newest, Cursor = the oldest of them', () => {
    const sim = createMewsSimulator({ sizes: { customers: 100 } });
    const res = call<Answer>(sim, 'POST', CUSTOMERS, { body: body({ Cursor: null, Count: 10 }) });
    expect(res.status).toBe(200);
    const items = res.json.Customers!;
    expect(items).toHaveLength(10);
    expect(res.json.Cursor).toBe(items[9]!.Id);
    expect(res.json.Cursor).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const times = items.map((c) => c.CreatedUtc);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('returns the next older items for the returned Cursor, and a Cursor even on the last page', () => {
    const sim = createMewsSimulator({ sizes: { customers: 25 } });
    const p1 = call<Answer>(sim, 'POST', CUSTOMERS, { body: body({ Count: 10 }) }).json;
    const p2 = call<Answer>(sim, 'POST', CUSTOMERS, {
      body: body({ Cursor: p1.Cursor, Count: 10 }),
    }).json;
    const p3 = call<Answer>(sim, 'POST', CUSTOMERS, {
      body: body({ Cursor: p2.Cursor, Count: 10 }),
    }).json;
    expect(p3.Customers).toHaveLength(5);
    expect(p3.Cursor).toBe(p3.Customers![4]!.Id); // present on the last page
    const p4 = call<Answer>(sim, 'POST', CUSTOMERS, {
      body: body({ Cursor: p3.Cursor, Count: 10 }),
    }).json;
    expect(p4.Customers).toHaveLength(0);
    expect(p4.Cursor).toBeNull(); // null only when nothing is returned
    const all = [...p1.Customers!, ...p2.Customers!, ...p3.Customers!].map((c) => c.Id);
    expect(new Set(all).size).toBe(25);
  });

  it('keeps a Cursor on an exactly full last page, so only the count or the next empty page tells the end', () => {
    const sim = createMewsSimulator({ sizes: { customers: 20 } });
    const p2 = call<Answer>(sim, 'POST', CUSTOMERS, {
      body: body({
        Cursor: call<Answer>(sim, 'POST', CUSTOMERS, { body: body({ Count: 10 }) }).json.Cursor,
        Count: 10,
      }),
    }).json;
    expect(p2.Customers).toHaveLength(10);
    expect(p2.Cursor).not.toBeNull();
  });

  it.each([0, 1001, 2.5, '10'])('refuses Count=%s (1–1000)', (count) => {
    const sim = createMewsSimulator({ sizes: { customers: 10 } });
    const res = call<Answer>(sim, 'POST', CUSTOMERS, { body: body({ Count: count }) });
    expect(res.status).toBe(400);
    expect(res.json.Message).toMatch(/Count/);
  });

  it('accepts Count=1000 and walks 100,000 reservations: 100 full pages and one empty page', () => {
    const sim = createMewsSimulator();
    let cursor: string | null = null;
    let n = 0;
    let requests = 0;
    for (;;) {
      const res: Answer = call<Answer>(sim, 'POST', '/api/connector/v1/reservations/getAll', {
        body: body({ Cursor: cursor, Count: 1000 }),
      }).json;
      requests++;
      n += res.Reservations!.length;
      if (res.Cursor === null || res.Reservations!.length < 1000) break;
      cursor = res.Cursor;
    }
    expect(n).toBe(100_000);
    expect(requests).toBe(101); // the 100th page is full, so one more (empty) page says the end
  });

  it('refuses bad tokens (401), a missing Limitation and an unknown Cursor (400)', () => {
    const sim = createMewsSimulator({ sizes: { customers: 10 } });
    expect(
      call(sim, 'POST', CUSTOMERS, { body: { ...body({ Count: 1 }), AccessToken: 'x' } }).status,
    ).toBe(401);
    expect(
      call(sim, 'POST', CUSTOMERS, {
        body: {
          ClientToken: MEWS_CREDENTIALS.clientToken,
          AccessToken: MEWS_CREDENTIALS.accessToken,
          Client: 'c',
        },
      }).status,
    ).toBe(400);
    expect(
      call(sim, 'POST', CUSTOMERS, {
        body: body({ Cursor: '00000000-0000-4000-8000-000000000000', Count: 1 }),
      }).status,
    ).toBe(400);
    expect(call(sim, 'POST', CUSTOMERS, { body: 'not json' }).status).toBe(400);
  });

  it('keeps a cursor walk exact while newer items arrive at the head', () => {
    const sim = createMewsSimulator({
      sizes: { customers: 300 },
      faults: { insertEvery: 1, mutationAt: 'head' },
    });
    const ids: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const res: Answer = call<Answer>(sim, 'POST', CUSTOMERS, {
        body: body({ Cursor: cursor, Count: 50 }),
      }).json;
      ids.push(...res.Customers!.map((c) => c.Id));
      if (res.Cursor === null || res.Customers!.length < 50) break;
      cursor = res.Cursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(301); // the 300 originals plus the one inserted before the first page
  });
});
