import { describe, expect, it } from 'vitest';
import { call } from '../call.js';
import { createDashlySimulator, DASHLY_CREDENTIALS } from './dashly.js';

const AUTH = { authorization: `Token ${DASHLY_CREDENTIALS.authToken}` };
const CONV = '/apps/42/conversations';
type Meta = {
  status: number;
  next_before_position?: unknown;
  next_after_position?: unknown;
  next_after?: unknown;
  error?: string;
};

/** Reads `meta.<field>` as the exact text the server wrote. */
function rawPosition(text: string, field: string): string | null {
  const m = new RegExp(`"${field}":(null|\\[[^\\]]*\\]|[-0-9.]+)`).exec(text);
  if (!m) throw new Error(`no ${field}`);
  return m[1] === 'null' ? null : (m[1] as string);
}
/** Ids as the server wrote them (exact digits). */
function rawIds(text: string): string[] {
  return [...text.matchAll(/"id":(\d+)/g)].map((m) => m[1] as string);
}

describe('Dashly simulator: pagination v2', () => {
  it('answers the docs example shape; ids are JSON numbers beyond 2^53', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 100 } });
    const res = call<{ meta: Meta; data: unknown[] }>(sim, 'GET', CONV, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.json.meta.status).toBe(200);
    expect(res.json.data).toHaveLength(20); // default paginate_count
    const before = rawPosition(res.text, 'next_before_position');
    expect(before).toMatch(/^\[\d+\.\d{6},\d{19}\]$/);
    expect(res.json.meta).not.toHaveProperty('next_after_position');
    for (const id of rawIds(res.text))
      expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('walks all conversations with the exact position, newest first, each once', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 1000 } });
    const ids: string[] = [];
    let position: string | null = null;
    let first = true;
    while (first || position) {
      first = false;
      const q = new URLSearchParams({
        paginate_count: '50',
        ...(position ? { paginate_position: position } : {}),
      });
      const res = call(sim, 'GET', `${CONV}?${q}`, { headers: AUTH });
      ids.push(...rawIds(res.text));
      position = rawPosition(res.text, 'next_before_position');
    }
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
  });

  it('gives visibly wrong pages to a client that rounds ids through a double', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 1000 } });
    const ids: string[] = [];
    let position: string | null = null;
    let first = true;
    while (first || position) {
      first = false;
      const q = new URLSearchParams({
        paginate_count: '50',
        ...(position ? { paginate_position: position } : {}),
      });
      const res = call<{ meta: Meta }>(sim, 'GET', `${CONV}?${q}`, { headers: AUTH });
      ids.push(...rawIds(res.text));
      const lossy = res.json.meta.next_before_position as number[] | null; // JSON.parse rounded it
      position = lossy ? JSON.stringify(lossy) : null;
    }
    const unique = new Set(ids).size;
    expect(ids.length !== 1000 || unique !== 1000).toBe(true);
  });

  it('pages after a position (ascending keys), and around one with about half on each side', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 200 } });
    const first = call(sim, 'GET', `${CONV}?paginate_count=10`, { headers: AUTH });
    const pos = rawPosition(first.text, 'next_before_position')!;
    const older = call(
      sim,
      'GET',
      `${CONV}?paginate_count=10&paginate_position=${encodeURIComponent(pos)}`,
      { headers: AUTH },
    );
    const newer = call(
      sim,
      'GET',
      `${CONV}?paginate_count=10&paginate_direction=after&paginate_position=${encodeURIComponent(rawPosition(older.text, 'next_before_position')!)}&paginate_page_order=asc`,
      { headers: AUTH },
    );
    // After the older page's lowest item come the rest of the older page, then the first page.
    expect(rawIds(newer.text).slice(0, 9)).toEqual(rawIds(older.text).slice(0, 9).reverse());
    expect(rawPosition(newer.text, 'next_after_position')).not.toBeNull();

    const around = call(
      sim,
      'GET',
      `${CONV}?paginate_count=10&paginate_direction=around&paginate_position=${encodeURIComponent(pos)}&paginate_including=true`,
      { headers: AUTH },
    );
    const ids = rawIds(around.text);
    expect(ids).toHaveLength(10);
    const center = /,(\d+)\]$/.exec(pos)![1]!;
    expect(ids).toContain(center);
    expect(rawPosition(around.text, 'next_before_position')).not.toBeNull();
    expect(rawPosition(around.text, 'next_after_position')).not.toBeNull();
  });

  it('says null when there is no more in a direction', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 15 } });
    const res = call<{ meta: Meta }>(sim, 'GET', `${CONV}?paginate_count=20`, { headers: AUTH });
    expect(res.json.meta.next_before_position).toBeNull();
    const newest = call<{ meta: Meta }>(
      sim,
      'GET',
      `${CONV}?paginate_count=20&paginate_direction=after`,
      { headers: AUTH },
    );
    expect(newest.json.meta.next_after_position).toBeNull();
  });

  it('pages conversation parts by primary key: [id]', () => {
    const sim = createDashlySimulator({ sizes: { parts: 60 } });
    const res = call(sim, 'GET', '/conversations/1/parts?paginate_count=25', { headers: AUTH });
    expect(rawPosition(res.text, 'next_before_position')).toMatch(/^\[\d{19}\]$/);
  });

  it.each([
    ['paginate_count', '51'],
    ['paginate_count', '0'],
    ['paginate_direction', 'sideways'],
    ['paginate_position', '[1,2,3]'],
    ['paginate_page_order', 'random'],
  ])('refuses %s=%s with the error envelope', (name, value) => {
    const sim = createDashlySimulator({ sizes: { conversations: 10 } });
    const res = call<{ meta: Meta; data: unknown }>(
      sim,
      'GET',
      `${CONV}?${name}=${encodeURIComponent(value)}`,
      { headers: AUTH },
    );
    expect(res.status).toBe(400);
    expect(res.json.meta).toMatchObject({ status: 400, error: 'BadRequest' });
    expect(res.json.data).toEqual({});
  });

  it('needs around to have a position, and needs auth', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 10 } });
    expect(call(sim, 'GET', `${CONV}?paginate_direction=around`, { headers: AUTH }).status).toBe(
      400,
    );
    expect(call(sim, 'GET', CONV).status).toBe(401);
    expect(call(sim, 'GET', `${CONV}?auth_token=${DASHLY_CREDENTIALS.authToken}`).status).toBe(200);
  });
});

describe('Dashly simulator: pagination v1 (deprecated)', () => {
  it('pages with after/next_after and skips conversations sharing the boundary timestamp', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 2000 } });
    const seen: string[] = [];
    let after: string | null = null;
    let first = true;
    while (first || after) {
      first = false;
      const res = call(sim, 'GET', `/v1${CONV}?count=50${after ? `&after=${after}` : ''}`, {
        headers: AUTH,
      });
      expect(res.status).toBe(200);
      seen.push(...rawIds(res.text));
      after = rawPosition(res.text, 'next_after');
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeLessThan(2000); // the documented flaw: equal timestamps at a boundary are lost
  });
});

describe('Dashly simulator: conversations inserted while a client reads', () => {
  it('a new conversation is the newest, a second after the one before, with an id of Dashly’s width', () => {
    const sim = createDashlySimulator({ sizes: { conversations: 100 } });
    const inserted = sim.insertItems(CONV, 5, 'end');
    const older = sim.insertItems(CONV, 2, 'start');
    const res = call<{ data: Array<{ created: number }> }>(
      sim,
      'GET',
      `${CONV}?paginate_count=10`,
      { headers: AUTH },
    );
    // Newest first: the five, the last inserted first.
    expect(rawIds(res.text).slice(0, 5)).toEqual([...inserted].reverse());
    for (const id of [...inserted, ...older]) {
      expect(id).toMatch(/^\d{19}$/);
      expect(BigInt(id) < 2n ** 63n).toBe(true);
    }
    const created = res.json.data.slice(0, 6).map((c) => c.created);
    for (let i = 1; i < created.length; i++) expect(created[i - 1]!).toBeGreaterThan(created[i]!);
  });
});
