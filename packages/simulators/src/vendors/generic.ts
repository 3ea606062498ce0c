import { Collection } from '../collection.js';
import { createRandom, deriveSeed, personName } from '../random.js';
import {
  SimHttpError,
  Simulator,
  type SimulatorOptions,
  type VendorDefinition,
} from '../simulator.js';
import { inRange, readIntParam } from '../size-param.js';

/**
 * A generic REST API with the common generic styles: `GET /items?offset=&limit=` answering
 * `{items, total}`, `GET /repos/items?per_page=&page=` answering an array with an RFC 8288
 * `Link` header (`rel="next"`, `rel="prev"`), GitHub style, `GET /orders` (an admin list) and
 * `GET /v2/tickets?limit=&starting_after=` (a cursor list, Stripe style).
 */
export interface GenericItem {
  id: number;
  title: string;
  owner: string;
}

/** An order of the generic admin API (`GET /orders`). */
export interface GenericOrder {
  id: number;
  number: string;
  customer: string;
  status: 'open' | 'paid' | 'shipped' | 'cancelled';
  total: number;
  createdAt: string;
}

/**
 * A ticket of the generic helpdesk API (`GET /v2/tickets`), in the style of Stripe's lists: the
 * cursor is the id of the last ticket of the page before (`starting_after`).
 */
export interface GenericTicket {
  id: string;
  subject: string;
  status: 'open' | 'pending' | 'closed';
  createdAt: string;
}

export const TICKET_STATUSES = ['open', 'pending', 'closed'] as const;

export const ORDER_STATUSES = ['open', 'paid', 'shipped', 'cancelled'] as const;
/** Fields `GET /orders?sort=` accepts (`-` first for descending). */
export const ORDER_SORTS = ['id', 'number', 'customer', 'status', 'total', 'createdAt'] as const;

export const GENERIC_LIMITS = {
  limit: { min: 1, max: 100, default: 20 },
  perPage: { min: 1, max: 100, default: 30 },
} as const;

export interface GenericSimulatorOptions extends SimulatorOptions {
  /** The data's seed: the same seed, the same items. @defaultValue 5 */
  seed?: number;
  /** Items of the generic lists. @defaultValue 100000 */
  size?: number;
  /** Orders of `GET /orders`. @defaultValue 2000 */
  orders?: number;
  /** Tickets of `GET /v2/tickets`. @defaultValue 1000 */
  tickets?: number;
  /** Origin used in Link header URLs (the base URL clients use). @defaultValue 'https://api.example.com' */
  origin?: string;
}

/**
 * A number that sorts between two neighbours' (either may be missing: the head or the end of the
 * walk): their middle, so inserts at one place, however many, keep their order and place.
 */
const between = (low: number | undefined, high: number | undefined) =>
  low === undefined ? (high ?? 1) - 1 : high === undefined ? low + 1 : (low + high) / 2;

const TICKET_SUBJECTS = [
  'Printer offline',
  'Cannot log in',
  'Invoice missing',
  'Refund request',
  'Password reset',
  'Shipping delay',
  'Feature request',
  'Wrong item delivered',
];

export function createGenericSimulator(options: GenericSimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 5;
  const origin = options.origin ?? 'https://api.example.com';
  const items = new Collection<GenericItem>({
    size: options.size ?? 100_000,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'generic.items'));
      return Array.from({ length: size }, (_, i) => {
        const n = personName(r);
        return { id: i + 1, title: `Item ${i + 1}`, owner: `${n.first} ${n.last}` };
      });
    },
    create: (serial, near, after, previous) => ({
      id: between(previous?.id, after ? undefined : near?.id),
      title: `Inserted ${serial}`,
      owner: 'Simulator',
    }),
    id: (x) => String(x.id),
    compare: (a, b) => a.id - b.id,
  });
  const fail = (status: number, message: string): never => {
    throw new SimHttpError(status, { error: message });
  };
  /** The helpdesk's refusal, as Stripe words one: the parameter, a machine-readable code, a message. */
  const refuse = (param: string, message: string, code = 'parameter_invalid'): never => {
    throw new SimHttpError(400, {
      error: { type: 'invalid_request_error', code, param, message },
    });
  };
  const orders = new Collection<GenericOrder>({
    size: options.orders ?? 2_000,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'generic.orders'));
      let t = Date.UTC(2026, 0, 1);
      return Array.from({ length: size }, (_, i) => {
        t += Math.floor(r() * 180) * 60_000;
        const n = personName(r);
        return {
          id: i + 1,
          number: `SO-${String(10_000 + i)}`,
          customer: `${n.first} ${n.last}`,
          status: ORDER_STATUSES[Math.floor(r() * ORDER_STATUSES.length)]!,
          total: Math.round(r() * 200_000) / 100,
          createdAt: new Date(t).toISOString(),
        };
      });
    },
    create: (serial, near, after, previous) => ({
      id: between(previous?.id, after ? undefined : near?.id),
      number: `SO-NEW-${serial}`,
      customer: 'Simulator',
      status: 'open',
      total: 0,
      createdAt: new Date().toISOString(),
    }),
    id: (x) => String(x.id),
    compare: (a, b) => a.id - b.id,
  });
  const ticketNumber = (t: GenericTicket) => Number(t.id.slice(2));
  const tickets = new Collection<GenericTicket>({
    size: options.tickets ?? 1_000,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'generic.tickets'));
      let t = Date.UTC(2026, 0, 1);
      return Array.from({ length: size }, (_, i) => {
        t += Math.floor(r() * 240) * 60_000;
        return {
          id: `t_${i + 1}`,
          subject: `${TICKET_SUBJECTS[Math.floor(r() * TICKET_SUBJECTS.length)]} (#${i + 1})`,
          status: TICKET_STATUSES[Math.floor(r() * TICKET_STATUSES.length)]!,
          createdAt: new Date(t).toISOString(),
        };
      });
    },
    // Between its neighbours, as a keyset would place it: `t_11.5` between `t_11` and `t_12`.
    create: (serial, near, after, previous) => ({
      id: `t_${between(previous && ticketNumber(previous), near && !after ? ticketNumber(near) : undefined)}`,
      subject: `Inserted ${serial}`,
      status: 'open',
      createdAt: new Date().toISOString(),
    }),
    id: (x) => x.id,
    compare: (a, b) => ticketNumber(a) - ticketNumber(b),
  });
  const definition: VendorDefinition = {
    vendor: 'generic',
    errorBody: (_status, message) => ({ error: message }),
    routes: [
      {
        // An admin list: `?page=&per_page=` from 1, `sort=field` or `sort=-field` (several, comma
        // separated), `status=`, `q=` (number or customer, case-insensitive); the total in
        // `X-Total-Count`.
        method: 'GET',
        path: /^\/orders$/,
        collection: () => orders as Collection<unknown>,
        handle(ctx) {
          const page = readIntParam(ctx.query.get('page')) ?? 1;
          const perPage = readIntParam(ctx.query.get('per_page')) ?? 20;
          if (!Number.isInteger(page) || page < 1) fail(400, 'page must be a positive integer');
          if (!inRange(perPage, 1, 100)) fail(400, 'per_page must be from 1 to 100');
          const status = ctx.query.get('status');
          if (status !== null && !(ORDER_STATUSES as readonly string[]).includes(status))
            fail(400, `status must be one of ${ORDER_STATUSES.join(', ')}`);
          const q = (ctx.query.get('q') ?? '').trim().toLowerCase();
          const sorts = (ctx.query.get('sort') ?? '').split(',').filter(Boolean);
          for (const s of sorts)
            if (!(ORDER_SORTS as readonly string[]).includes(s.replace(/^-/, '')))
              fail(400, `sort must name ${ORDER_SORTS.join(', ')} (with - for descending)`);
          let rows = orders.items.filter(
            (o) =>
              (status === null || o.status === status) &&
              (!q || o.number.toLowerCase().includes(q) || o.customer.toLowerCase().includes(q)),
          );
          if (sorts.length) {
            rows = [...rows].sort((a, b) => {
              for (const s of sorts) {
                const field = s.replace(/^-/, '') as keyof GenericOrder;
                const dir = s.startsWith('-') ? -1 : 1;
                const x = a[field];
                const y = b[field];
                if (x < y) return -dir;
                if (x > y) return dir;
              }
              return a.id - b.id;
            });
          }
          const slice = rows.slice((page - 1) * perPage, page * perPage);
          return {
            body: slice,
            headers: { 'x-total-count': String(rows.length) },
            log: {
              params: Object.fromEntries(ctx.query),
              size: perPage,
              cursorIn: String(page),
              cursorOut: page * perPage < rows.length ? String(page + 1) : null,
              itemCount: slice.length,
            },
          };
        },
      },
      {
        // A helpdesk list in the style of Stripe's: `?limit=` (1–100, default 25), `starting_after=`
        // the id of the last ticket of the page before (a deleted ticket still positions the
        // walk), `status=`, `q=` (in the subject, case-insensitive); oldest first; answers
        // `{ data, has_more, next_cursor }` (`next_cursor`: the last id while has_more). A refusal
        // is a 400 `{ error: { type, code, param, message } }`: an id never issued is
        // `code: 'resource_missing'`, `param: 'starting_after'`.
        method: 'GET',
        path: /^\/v2\/tickets$/,
        collection: () => tickets as Collection<unknown>,
        handle(ctx) {
          const limit = readIntParam(ctx.query.get('limit')) ?? 25;
          if (!inRange(limit, 1, 100)) refuse('limit', 'limit must be from 1 to 100');
          const status = ctx.query.get('status');
          if (status !== null && !(TICKET_STATUSES as readonly string[]).includes(status))
            refuse('status', `status must be one of ${TICKET_STATUSES.join(', ')}`);
          const q = (ctx.query.get('q') ?? '').trim().toLowerCase();
          const after = ctx.query.get('starting_after');
          const last = after === null ? undefined : tickets.find(after);
          if (after !== null && !last)
            refuse('starting_after', `No such ticket: '${after.slice(0, 40)}'`, 'resource_missing');
          const rows = tickets.items;
          const page: GenericTicket[] = [];
          let i = last ? tickets.upperBound(last) : 0;
          let more = false;
          for (; i < rows.length; i++) {
            const t = rows[i]!;
            if (status !== null && t.status !== status) continue;
            if (q && !t.subject.toLowerCase().includes(q)) continue;
            if (page.length === limit) {
              more = true;
              break;
            }
            page.push(t);
          }
          const next = more ? page[page.length - 1]!.id : null;
          return {
            body: { data: page, has_more: more, next_cursor: next },
            itemsField: 'data',
            log: {
              params: Object.fromEntries(ctx.query),
              size: limit,
              cursorIn: after,
              cursorOut: next,
              itemCount: page.length,
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/items$/,
        collection: () => items as Collection<unknown>,
        handle(ctx) {
          const offset = readIntParam(ctx.query.get('offset')) ?? 0;
          const limit = readIntParam(ctx.query.get('limit')) ?? GENERIC_LIMITS.limit.default;
          if (!Number.isInteger(offset) || offset < 0)
            fail(400, 'offset must be a non-negative integer');
          if (!inRange(limit, GENERIC_LIMITS.limit.min, GENERIC_LIMITS.limit.max))
            fail(400, 'limit must be from 1 to 100');
          const page = items.items.slice(offset, offset + limit);
          return {
            body: { items: page, total: items.size },
            itemsField: 'items',
            log: {
              params: Object.fromEntries(ctx.query),
              size: limit,
              cursorIn: String(offset),
              cursorOut: offset + limit < items.size ? String(offset + limit) : null,
              itemCount: page.length,
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/repos\/items$/,
        collection: () => items as Collection<unknown>,
        handle(ctx) {
          const page = readIntParam(ctx.query.get('page')) ?? 1;
          const perPage = readIntParam(ctx.query.get('per_page')) ?? GENERIC_LIMITS.perPage.default;
          if (!Number.isInteger(page) || page < 1) fail(400, 'page must be a positive integer');
          if (!inRange(perPage, GENERIC_LIMITS.perPage.min, GENERIC_LIMITS.perPage.max))
            fail(422, 'per_page must be from 1 to 100');
          const slice = items.items.slice((page - 1) * perPage, page * perPage);
          const last = Math.max(1, Math.ceil(items.size / perPage));
          const link = (p: number, rel: string) =>
            `<${origin}/repos/items?per_page=${perPage}&page=${p}>; rel="${rel}"`;
          const links = [
            page < last ? link(page + 1, 'next') : '',
            page > 1 ? link(page - 1, 'prev') : '',
            link(1, 'first'),
            link(last, 'last'),
          ].filter(Boolean);
          return {
            body: slice,
            headers: { link: links.join(', ') },
            log: {
              params: Object.fromEntries(ctx.query),
              size: perPage,
              cursorIn: String(page),
              cursorOut: page < last ? String(page + 1) : null,
              itemCount: slice.length,
            },
          };
        },
      },
    ],
  };
  return new Simulator(definition, options);
}
