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
 * A generic REST API with the two common generic styles: `GET /items?offset=&limit=` answering
 * `{items, total}`, and `GET /repos/items?per_page=&page=` answering an array with an RFC 8288
 * `Link` header (`rel="next"`, `rel="prev"`), GitHub style.
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
  /** Origin used in Link header URLs (the base URL clients use). @defaultValue 'https://api.example.com' */
  origin?: string;
}

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
    create: (serial, near) => ({
      id: (near?.id ?? 0) - 0.5 + serial / 1e6,
      title: `Inserted ${serial}`,
      owner: 'Simulator',
    }),
    id: (x) => String(x.id),
    compare: (a, b) => a.id - b.id,
  });
  const fail = (status: number, message: string): never => {
    throw new SimHttpError(status, { error: message });
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
    create: (serial, near) => ({
      id: (near?.id ?? 0) - 0.5 + serial / 1e6,
      number: `SO-NEW-${serial}`,
      customer: 'Simulator',
      status: 'open',
      total: 0,
      createdAt: new Date().toISOString(),
    }),
    id: (x) => String(x.id),
    compare: (a, b) => a.id - b.id,
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
