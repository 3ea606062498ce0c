import { describe, expect, it } from 'vitest';
import { call } from '../call.js';
import { createGenericSimulator, type GenericTicket } from './generic.js';

type Tickets = {
  data: GenericTicket[];
  has_more: boolean;
  next_cursor: string | null;
  error?: { type: string; code: string; param: string; message: string };
};
const TICKETS = '/v2/tickets';

describe('generic simulator: helpdesk tickets (a Stripe-style cursor list)', () => {
  it('walks every ticket once with starting_after, has_more false and no next_cursor on the last page', () => {
    const sim = createGenericSimulator({ tickets: 60 });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const query: string = `?limit=25${after ? `&starting_after=${after}` : ''}`;
      const res: { status: number; json: Tickets } = call<Tickets>(sim, 'GET', TICKETS + query);
      expect(res.status).toBe(200);
      pages++;
      seen.push(...res.json.data.map((t) => t.id));
      expect(res.json.next_cursor).toBe(res.json.has_more ? seen.at(-1) : null);
      if (!res.json.has_more) break;
      after = res.json.next_cursor;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(60);
    expect(seen[0]).toBe('t_1');
  });

  it('filters by status and subject, the cursor still the last id of the page', () => {
    const sim = createGenericSimulator({ tickets: 300 });
    const first = call<Tickets>(sim, 'GET', `${TICKETS}?limit=10&status=open`).json;
    expect(first.data).toHaveLength(10);
    expect(first.data.every((t) => t.status === 'open')).toBe(true);
    const next = call<Tickets>(
      sim,
      'GET',
      `${TICKETS}?limit=10&status=open&starting_after=${first.next_cursor}`,
    ).json;
    expect(next.data.every((t) => t.status === 'open')).toBe(true);
    expect(Number(next.data[0]!.id.slice(2))).toBeGreaterThan(Number(first.data[9]!.id.slice(2)));
    const printer = call<Tickets>(sim, 'GET', `${TICKETS}?limit=100&q=PRINTER`).json;
    expect(printer.data.length).toBeGreaterThan(0);
    expect(printer.data.every((t) => t.subject.startsWith('Printer offline'))).toBe(true);
  });

  it('keeps a walk on its place when tickets are deleted or inserted before it (keyset, not offset)', () => {
    const sim = createGenericSimulator({ tickets: 50 });
    const p1 = call<Tickets>(sim, 'GET', `${TICKETS}?limit=10`).json;
    sim.deleteItems(TICKETS, 3, 0);
    sim.deleteItems(TICKETS, 1, 6); // the ticket the cursor names: it still positions the walk
    const p2 = call<Tickets>(sim, 'GET', `${TICKETS}?limit=10&starting_after=${p1.next_cursor}`);
    expect(p2.json.data[0]!.id).toBe('t_11');
  });

  it('places an insert where it was asked, however many land at one place, and at the end after the last', () => {
    const sim = createGenericSimulator({ tickets: 5 });
    sim.insertItems(TICKETS, 3, 'end');
    const ids = () => call<Tickets>(sim, 'GET', `${TICKETS}?limit=100`).json.data.map((t) => t.id);
    expect(ids().slice(0, 5)).toEqual(['t_1', 't_2', 't_3', 't_4', 't_5']);
    expect(ids()).toHaveLength(8);
    sim.insertItems(TICKETS, 3, 'start');
    expect(ids().slice(3, 5)).toEqual(['t_1', 't_2']);
    expect(ids()).toHaveLength(11);
  });

  it('refuses what the API would refuse: a limit out of range, an unknown status, an id never issued', () => {
    const sim = createGenericSimulator({ tickets: 20 });
    expect(call(sim, 'GET', `${TICKETS}?limit=101`).status).toBe(400);
    expect(call(sim, 'GET', `${TICKETS}?limit=0`).status).toBe(400);
    expect(call(sim, 'GET', `${TICKETS}?status=lost`).status).toBe(400);
    const gone = call<Tickets>(sim, 'GET', `${TICKETS}?starting_after=t_gone`);
    expect(gone.status).toBe(400);
    expect(gone.json.error).toEqual({
      type: 'invalid_request_error',
      code: 'resource_missing',
      param: 'starting_after',
      message: "No such ticket: 't_gone'",
    });
  });
});
