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

export const GENERIC_LIMITS = {
  limit: { min: 1, max: 100, default: 20 },
  perPage: { min: 1, max: 100, default: 30 },
} as const;

export interface GenericSimulatorOptions extends SimulatorOptions {
  seed?: number;
  size?: number;
  /** Origin used in Link header URLs (the base URL clients use). */
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
  const definition: VendorDefinition = {
    vendor: 'generic',
    errorBody: (_status, message) => ({ error: message }),
    routes: [
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
