import { Collection } from '../collection.js';
import { createRandom, deriveSeed, personName, pick, uuid } from '../random.js';
import {
  type RouteContext,
  type RouteResult,
  SimHttpError,
  Simulator,
  type SimulatorOptions,
  type VendorDefinition,
} from '../simulator.js';

/**
 * Mews Connector API: `POST /api/connector/v1/{entity}/getAll` with
 * `{ClientToken, AccessToken, Client, Limitation: {Cursor, Count}}`. Items come newest first;
 * the response `Cursor` is the id of the oldest item returned — on the last page too — and is
 * null only when no item is returned.
 */
export interface MewsCustomer {
  Id: string;
  FirstName: string;
  LastName: string;
  Email: string;
  Nationality: string;
  CreatedUtc: string;
  UpdatedUtc: string;
}
export interface MewsReservation {
  Id: string;
  Number: string;
  State: string;
  StartUtc: string;
  EndUtc: string;
  CreatedUtc: string;
  UpdatedUtc: string;
  AccountId: string;
  AdultCount: number;
  ChildCount: number;
}

export const MEWS_LIMITS = { count: { min: 1, max: 1000 } } as const;
export const MEWS_CREDENTIALS = {
  clientToken: 'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D',
  accessToken: 'C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D',
} as const;

export interface MewsSimulatorOptions extends SimulatorOptions {
  /** The data's seed: the same seed, the same items. @defaultValue 4 */
  seed?: number;
  /** Items in each list. @defaultValue 100000 each */
  sizes?: Partial<Record<'customers' | 'reservations', number>>;
  /** @defaultValue MEWS_CREDENTIALS.clientToken */
  clientToken?: string;
  /** @defaultValue MEWS_CREDENTIALS.accessToken */
  accessToken?: string;
}

const NATIONALITIES = ['CZ', 'DE', 'GB', 'NL', 'FR', 'JP', 'US', 'ES', 'IT'];
const STATES = ['Confirmed', 'Started', 'Processed', 'Canceled', 'Optional'];

const newestFirst = (
  a: { CreatedUtc: string; Id: string },
  b: { CreatedUtc: string; Id: string },
) =>
  a.CreatedUtc > b.CreatedUtc
    ? -1
    : a.CreatedUtc < b.CreatedUtc
      ? 1
      : a.Id > b.Id
        ? -1
        : a.Id < b.Id
          ? 1
          : 0;

export function createMewsSimulator(options: MewsSimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 4;
  const sizes = { customers: 100_000, reservations: 100_000, ...options.sizes };
  const clientToken = options.clientToken ?? MEWS_CREDENTIALS.clientToken;
  const accessToken = options.accessToken ?? MEWS_CREDENTIALS.accessToken;
  const t0 = Date.UTC(2026, 10, 1);

  const customers = new Collection<MewsCustomer>({
    size: sizes.customers,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'mews.customers'));
      let t = t0;
      return Array.from({ length: size }, (_, i) => {
        t -= Math.floor(r() * 3) * 60_000;
        const n = personName(r);
        const created = new Date(t).toISOString();
        return {
          Id: uuid(r),
          FirstName: n.first,
          LastName: n.last,
          Email: `guest${i}@example.travel`,
          Nationality: pick(r, NATIONALITIES),
          CreatedUtc: created,
          UpdatedUtc: created,
        };
      });
    },
    create(serial, near) {
      const r = createRandom(deriveSeed(seed, `mews.customers.new.${serial}`));
      // Next to `near`, just newer than it (so it lands at `near`'s place in a newest-first walk).
      const created = near
        ? new Date(Date.parse(near.CreatedUtc) + 1).toISOString()
        : new Date(t0 + serial * 1000).toISOString();
      return {
        Id: uuid(r),
        FirstName: 'New',
        LastName: `Guest ${serial}`,
        Email: `new${serial}@example.travel`,
        Nationality: 'CZ',
        CreatedUtc: created,
        UpdatedUtc: created,
      };
    },
    id: (c) => c.Id,
    compare: newestFirst,
  });

  const reservations = new Collection<MewsReservation>({
    size: sizes.reservations,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'mews.reservations'));
      let t = t0;
      return Array.from({ length: size }, (_, i) => {
        t -= Math.floor(r() * 3) * 60_000;
        const start = t + Math.floor(r() * 60) * 86_400_000;
        const created = new Date(t).toISOString();
        return {
          Id: uuid(r),
          Number: String(100_000 + size - i),
          State: pick(r, STATES),
          StartUtc: new Date(start).toISOString(),
          EndUtc: new Date(start + (1 + Math.floor(r() * 7)) * 86_400_000).toISOString(),
          CreatedUtc: created,
          UpdatedUtc: created,
          AccountId: uuid(r),
          AdultCount: 1 + Math.floor(r() * 3),
          ChildCount: Math.floor(r() * 3),
        };
      });
    },
    create(serial, near) {
      const r = createRandom(deriveSeed(seed, `mews.reservations.new.${serial}`));
      // Next to `near`, just newer than it (so it lands at `near`'s place in a newest-first walk).
      const created = near
        ? new Date(Date.parse(near.CreatedUtc) + 1).toISOString()
        : new Date(t0 + serial * 1000).toISOString();
      return {
        Id: uuid(r),
        Number: `N${serial}`,
        State: 'Optional',
        StartUtc: created,
        EndUtc: created,
        CreatedUtc: created,
        UpdatedUtc: created,
        AccountId: uuid(r),
        AdultCount: 1,
        ChildCount: 0,
      };
    },
    id: (x) => x.Id,
    compare: newestFirst,
  });

  const fail = (status: number, message: string): never => {
    throw new SimHttpError(status, { Message: message, RequestId: `sim-${status}`, Details: null });
  };

  const getAll = <T>(ctx: RouteContext, collection: Collection<T>, field: string): RouteResult => {
    const body = ctx.json() as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') return fail(400, 'Invalid request body.');
    if (body.ClientToken !== clientToken || body.AccessToken !== accessToken) {
      fail(401, 'Invalid ClientToken or AccessToken.');
    }
    if (typeof body.Client !== 'string' || body.Client === '') fail(400, 'Missing Client.');
    const limitation = body.Limitation as { Cursor?: unknown; Count?: unknown } | undefined;
    if (!limitation || typeof limitation !== 'object') return fail(400, 'Missing Limitation.');
    const count = limitation.Count;
    if (
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < MEWS_LIMITS.count.min ||
      count > MEWS_LIMITS.count.max
    ) {
      fail(
        400,
        `Invalid Limitation: Count must be between ${MEWS_LIMITS.count.min} and ${MEWS_LIMITS.count.max}.`,
      );
    }
    const cursorIn = limitation.Cursor ?? null;
    let start = 0;
    if (cursorIn !== null) {
      const after = typeof cursorIn === 'string' ? collection.find(cursorIn) : undefined;
      if (!after || ctx.rejectCursor())
        fail(400, 'Invalid Limitation: Cursor does not identify an item.');
      start = collection.upperBound(after as T);
    }
    const matches = filtersOf(body);
    let items: T[];
    if (matches) {
      items = [];
      for (let i = start; i < collection.size && items.length < (count as number); i++) {
        const item = collection.items[i] as T;
        if (matches(item as unknown as Record<string, unknown>)) items.push(item);
      }
    } else items = collection.items.slice(start, start + (count as number));
    const oldest = items[items.length - 1];
    const cursorOut = oldest === undefined ? null : collection.idOf(oldest);
    // Extents (customers/getAll): which entities the answer carries. `Count` limits the
    // customers whatever is returned; their documents come 0–2 per customer.
    const extents = body.Extents as Record<string, unknown> | undefined;
    const answer: Record<string, unknown> = { Cursor: cursorOut };
    if (extents?.[field] !== false) answer[field] = items;
    if (extents?.Documents === true) {
      answer.Documents = items.flatMap((item) => {
        const id = collection.idOf(item);
        const n = id.charCodeAt(0) % 3;
        return Array.from({ length: n }, (_, k) => ({
          Id: `${id}-document-${k + 1}`,
          CustomerId: id,
          Type: k === 0 ? 'IdentityCard' : 'Passport',
        }));
      });
    }
    return {
      body: answer,
      itemsField: field,
      log: {
        params: { Cursor: String(cursorIn), Count: String(count) },
        size: count as number,
        cursorIn: cursorIn as string | null,
        cursorOut,
        itemCount: items.length,
      },
    };
  };

  /**
   * The getAll filters beside `Limitation` that the simulator models: `States` and the
   * `CreatedUtc` interval (`{StartUtc, EndUtc}`, at most 3 months), as Mews documents them.
   */
  const filtersOf = (
    body: Record<string, unknown>,
  ): ((item: Record<string, unknown>) => boolean) | undefined => {
    const checks: Array<(item: Record<string, unknown>) => boolean> = [];
    if (body.States !== undefined && body.States !== null) {
      const states = body.States;
      if (!Array.isArray(states) || !states.every((s) => STATES.includes(String(s))))
        fail(400, `Invalid States: each must be one of ${STATES.join(', ')}.`);
      checks.push((item) => (states as unknown[]).includes(item.State));
    }
    const created = body.CreatedUtc as { StartUtc?: unknown; EndUtc?: unknown } | undefined | null;
    if (created !== undefined && created !== null) {
      const start = Date.parse(String(created.StartUtc));
      const end = Date.parse(String(created.EndUtc));
      if (Number.isNaN(start) || Number.isNaN(end) || end < start)
        fail(400, 'Invalid CreatedUtc: StartUtc and EndUtc must be ISO 8601, StartUtc first.');
      if (end - start > 92 * 86_400_000) fail(400, 'Invalid CreatedUtc: at most 3 months.');
      checks.push((item) => {
        const t = Date.parse(String(item.CreatedUtc));
        return t >= start && t <= end;
      });
    }
    return checks.length ? (item) => checks.every((check) => check(item)) : undefined;
  };

  const definition: VendorDefinition = {
    vendor: 'mews',
    bodyParams: (body): Record<string, string> => {
      const limitation = (body as { Limitation?: { Cursor?: unknown; Count?: unknown } } | null)
        ?.Limitation;
      return limitation
        ? { Cursor: String(limitation.Cursor ?? null), Count: String(limitation.Count) }
        : {};
    },
    errorBody: (status, message) => ({
      Message: message,
      RequestId: `sim-${status}`,
      Details: null,
    }),
    routes: [
      {
        method: 'POST',
        path: /^\/api\/connector\/v1\/customers\/getAll$/,
        collection: () => customers as Collection<unknown>,
        handle: (ctx) => getAll(ctx, customers, 'Customers'),
      },
      {
        method: 'POST',
        path: /^\/api\/connector\/v1\/reservations\/getAll(\/2023-06-06)?$/,
        collection: () => reservations as Collection<unknown>,
        handle: (ctx) => getAll(ctx, reservations, 'Reservations'),
      },
    ],
  };
  return new Simulator(definition, options);
}
