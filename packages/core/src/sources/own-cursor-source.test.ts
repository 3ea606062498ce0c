import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { readPath } from '../field-path.js';
import { paginate } from '../paginate.js';
import { isPaginationError } from '../pagination-error.js';
import { readCursor, readItems } from '../read-page-fields.js';
import { defineCursorSource } from './define-source.js';

/**
 * The README's "source of your own (about 20 lines)", as it is written there, against the generic
 * simulator's helpdesk API (`GET /v2/tickets`, Stripe style): a reader can try it before their
 * own API is ready.
 */
interface Ticket {
  id: string;
  subject: string;
  status: 'open' | 'pending' | 'closed';
}

const tickets = defineCursorSource<Ticket, { status?: string | undefined }>({
  provider: 'helpdesk',
  limits: { min: 1, max: 100, default: 25 },
  key: (t) => t.id,
  request: ({ cursor, size, params }) => ({
    method: 'GET',
    path: '/v2/tickets',
    // Entries left undefined are not sent: optional parameters are written inline.
    query: { limit: String(size), starting_after: cursor ?? undefined, status: params?.status },
  }),
  parse: (body) => ({
    items: readItems<Ticket>('helpdesk', body, 'data'),
    next: readCursor('helpdesk', body, 'next_cursor'),
  }),
});

describe('the README’s source of one’s own, over the generic simulator', () => {
  it('walks every ticket once, 25 a request, and stops at the end', async () => {
    const v = simulatedVendors({ generic: { tickets: 120 } });
    const all = await paginate(tickets, { runner: v.runners.generic }).toArray();
    expect(all).toHaveLength(120);
    expect(new Set(all.map((t) => t.id)).size).toBe(120);
    const asked = v.sims.generic.log.entries.filter((e) => e.path === '/v2/tickets');
    expect(asked.map((e) => e.size)).toEqual([25, 25, 25, 25, 25]);
    expect(asked[0]!.cursorIn).toBeNull();
  });

  it('sends its params: only open tickets, the cursor carried with the filter', async () => {
    const v = simulatedVendors({ generic: { tickets: 200 } });
    const open = await paginate(tickets, {
      runner: v.runners.generic,
      size: 10,
      params: { status: 'open' },
    }).toArray();
    expect(open.length).toBeGreaterThan(20);
    // The items are the API's objects as they came: each one open.
    expect(open.every((t) => t.status === 'open')).toBe(true);
    const asked = v.sims.generic.log.entries.filter((e) => e.path === '/v2/tickets');
    expect(asked.every((e) => e.params?.status === 'open')).toBe(true);
    expect(asked.slice(1).every((e) => typeof e.params?.starting_after === 'string')).toBe(true);
  });

  it('a cursor the API refuses is BAD_REQUEST with the API’s words; a readError makes it INVALID_CURSOR', async () => {
    const v = simulatedVendors({ generic: { tickets: 30 } });
    const refused = await v.runners.generic
      .fetchPage(tickets, { cursor: 't_gone', size: 10 })
      .catch((e: unknown) => e);
    expect(isPaginationError(refused, 'BAD_REQUEST')).toBe(true);
    expect((refused as Error).message).toContain("No such ticket: 't_gone'");
    // The README's readError: Stripe's words for it, `resource_missing`.
    const readHelpdeskError = (status: number, body: unknown) =>
      status === 400 && readPath(body, 'error.code') === 'resource_missing'
        ? { code: 'INVALID_CURSOR' as const, message: String(readPath(body, 'error.message')) }
        : undefined;
    const readingIt = defineCursorSource<Ticket, { status?: string | undefined }>({
      ...tickets,
      readError: readHelpdeskError,
    });
    const invalid = await v.runners.generic
      .fetchPage(readingIt, { cursor: 't_gone', size: 10 })
      .catch((e: unknown) => e);
    expect(isPaginationError(invalid, 'INVALID_CURSOR')).toBe(true);
  });
});
