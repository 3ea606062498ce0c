import { Collection } from '../collection.js';
import {
  bigintFromText,
  microsFromText,
  RawNumber,
  readPositionTokens,
  textFromMicros,
} from '../json-text.js';
import { createRandom, deriveSeed, personName, pick } from '../random.js';
import {
  type RouteContext,
  type RouteResult,
  SimHttpError,
  Simulator,
  type SimulatorOptions,
  type VendorDefinition,
} from '../simulator.js';
import { inRange, readIntParam } from '../size-param.js';

/**
 * Dashly (Carrot quest) web API: pagination v2 (`paginate_*`, `meta.next_before_position` /
 * `meta.next_after_position`) and the deprecated v1 (`after`, `meta.next_after`).
 *
 * Ids exceed 2^53 and are written as JSON numbers; positions are compared exactly, digit for
 * digit, so a client that rounds an id through a double gets visibly wrong pages.
 */
interface Conversation {
  id: bigint;
  /** Creation time in microseconds; runs of equal values are common. */
  created: bigint;
  user_name: string;
  channel: string;
  read: boolean;
  parts_count: number;
  last_message: string;
}
interface Part {
  id: bigint;
  conversation: bigint;
  created: bigint;
  author: string;
  body: string;
}

export const DASHLY_LIMITS = { count: { min: 1, max: 50, default: 20 } } as const;
export const DASHLY_CREDENTIALS = { authToken: 'dashly-demo-token' } as const;

export interface DashlySimulatorOptions extends SimulatorOptions {
  /** The data's seed: the same seed, the same items. @defaultValue 3 */
  seed?: number;
  /** Items in each list. @defaultValue 100000 each */
  sizes?: Partial<Record<'conversations' | 'parts', number>>;
  /** @defaultValue DASHLY_CREDENTIALS.authToken */
  authToken?: string;
}

/** The docs' own example: `[1684739969.358085, 1160406004324630614]`. */
const FIRST_ID = 1160406004324630614n;
const FIRST_CREATED = 1684739969358085n;

const CHANNELS = ['chat', 'email', 'telegram', 'whatsapp', 'viber'];
const LINES = [
  'Hi! I have a question about my order',
  'Thanks, that helped',
  'Can I change the delivery address?',
  'Is there a discount for annual plans?',
  'The widget does not load on Safari',
  'Please call me back',
  'Where is my invoice?',
  'Got it, see you tomorrow',
];

type Key = bigint[];
const compareKeys = (a: Key, b: Key): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

export function createDashlySimulator(options: DashlySimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 3;
  const sizes = { conversations: 100_000, parts: 100_000, ...options.sizes };
  const authToken = options.authToken ?? DASHLY_CREDENTIALS.authToken;

  const conversations = new Collection<Conversation>({
    size: sizes.conversations,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'dashly.conversations'));
      let id = FIRST_ID;
      let created = FIRST_CREATED;
      return Array.from({ length: size }, () => {
        // Ids a few units apart: rounding one through a double (spacing 256 here) mis-orders it.
        id += BigInt(1 + Math.floor(r() * 40));
        // Runs of equal timestamps (about one in three conversations shares its predecessor's).
        if (r() > 0.35) created += BigInt(1 + Math.floor(r() * 90_000_000));
        const n = personName(r);
        return {
          id,
          created,
          user_name: `${n.first} ${n.last}`,
          channel: pick(r, CHANNELS),
          read: r() < 0.7,
          parts_count: 1 + Math.floor(r() * 30),
          last_message: pick(r, LINES),
        };
      });
    },
    create(serial, near, after, previous) {
      // A new conversation a second after the newest (at the end), else between its neighbours'
      // times; its id in a range of its own, as wide as Dashly's (19 digits, within 64 bits).
      const created = !near
        ? FIRST_CREATED
        : after
          ? near.created + 1_000_000n
          : previous && previous.created < near.created
            ? (previous.created + near.created + 1n) / 2n
            : near.created - 1_000_000n;
      return {
        id: FIRST_ID + 9_000_000_000n + BigInt(serial),
        created,
        user_name: `Visitor ${serial}`,
        channel: 'chat',
        read: false,
        parts_count: 1,
        last_message: 'New conversation',
      };
    },
    id: (c) => String(c.id),
    compare: (a, b) => compareKeys([a.created, a.id], [b.created, b.id]),
  });

  const parts = new Collection<Part>({
    size: sizes.parts,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'dashly.parts'));
      let id = FIRST_ID + 5_000_000_000n;
      let created = FIRST_CREATED;
      return Array.from({ length: size }, () => {
        id += BigInt(1 + Math.floor(r() * 40));
        created += BigInt(1 + Math.floor(r() * 120_000_000));
        const n = personName(r);
        return {
          id,
          conversation: FIRST_ID,
          created,
          author: r() < 0.5 ? 'operator' : `${n.first} ${n.last}`,
          body: pick(r, LINES),
        };
      });
    },
    create(serial, near, after) {
      return {
        id: (near?.id ?? FIRST_ID) + 1_000_000_000_000n + BigInt(serial),
        conversation: FIRST_ID,
        // A new message a second after the one it follows.
        created: near ? near.created + (after ? 1_000_000n : 0n) : FIRST_CREATED,
        author: 'visitor',
        body: `New message ${serial}`,
      };
    },
    id: (p) => String(p.id),
    compare: (a, b) => compareKeys([a.id], [b.id]),
  });

  const fail = (status: number, error: string, message: string): never => {
    throw new SimHttpError(status, { meta: { status, error, error_message: message }, data: {} });
  };

  const authenticate = (ctx: RouteContext): void => {
    const header = ctx.req.headers.authorization ?? '';
    const token =
      ctx.query.get('auth_token') ?? (header.startsWith('Token ') ? header.slice(6) : '');
    if (token !== authToken) fail(401, 'Unauthorized', 'Invalid auth_token');
  };

  const readBool = (ctx: RouteContext, name: string): boolean => {
    const v = ctx.query.get(name);
    if (v === null || v === '') return false;
    if (v !== 'true' && v !== 'false') fail(400, 'BadRequest', `${name} must be true or false`);
    return v === 'true';
  };
  const readOrder = (ctx: RouteContext, name: string): 'asc' | 'desc' => {
    const v = ctx.query.get(name) ?? 'desc';
    if (v !== 'asc' && v !== 'desc') fail(400, 'BadRequest', `${name} must be asc or desc`);
    return v as 'asc' | 'desc';
  };
  const readCount = (ctx: RouteContext, name: string): number => {
    const count = readIntParam(ctx.query.get(name)) ?? DASHLY_LIMITS.count.default;
    if (!inRange(count, DASHLY_LIMITS.count.min, DASHLY_LIMITS.count.max))
      fail(400, 'BadRequest', `${name} must be an integer from 1 to 50`);
    return count;
  };

  /** Index of the first item whose key is ≥ key (`strict` false) or > key (`strict` true). */
  const bound = <T>(
    items: readonly T[],
    keyOf: (t: T) => Key,
    key: Key,
    strict: boolean,
  ): number => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareKeys(keyOf(items[mid] as T), key);
      if (c < 0 || (strict && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** Pagination v2 over one collection. */
  const v2 = <T>(
    ctx: RouteContext,
    collection: Collection<T>,
    keyOf: (t: T) => Key,
    positionOf: (t: T) => RawNumber[],
    parsePosition: (tokens: string[]) => Key | undefined,
    render: (t: T) => unknown,
  ): RouteResult => {
    authenticate(ctx);
    const count = readCount(ctx, 'paginate_count');
    const direction = ctx.query.get('paginate_direction') ?? 'before';
    if (direction !== 'before' && direction !== 'after' && direction !== 'around')
      fail(400, 'BadRequest', 'paginate_direction must be after, before or around');
    const including = readBool(ctx, 'paginate_including');
    const order = readOrder(ctx, 'paginate_page_order');
    const positionText = ctx.query.get('paginate_position');
    let position: Key | undefined;
    if (positionText !== null && positionText !== '') {
      const tokens = readPositionTokens(positionText);
      position = tokens ? parsePosition(tokens) : undefined;
      if (!position || ctx.rejectCursor()) fail(400, 'BadRequest', 'paginate_position is invalid');
    }
    if (direction === 'around' && !position)
      fail(400, 'BadRequest', 'paginate_direction=around needs paginate_position');
    const items = collection.items;
    let from: number;
    let to: number;
    if (direction === 'before') {
      to = position ? bound(items, keyOf, position, including) : items.length;
      from = Math.max(0, to - count);
    } else if (direction === 'after') {
      from = position ? bound(items, keyOf, position, !including) : 0;
      to = Math.min(items.length, from + count);
    } else {
      // About half of the count from each side of the position.
      const p = position as Key;
      const below = bound(items, keyOf, p, false);
      const exact = below < items.length && compareKeys(keyOf(items[below] as T), p) === 0;
      from = Math.max(0, below - Math.floor(count / 2));
      const middle = exact && including ? [items[below] as T] : [];
      const afterStart = exact ? below + 1 : below;
      to = Math.min(items.length, afterStart + count - (below - from) - middle.length);
      return respond(
        [...items.slice(from, below), ...middle, ...items.slice(afterStart, to)],
        from > 0,
        to < items.length,
      );
    }
    const page = items.slice(from, to);
    return respond(page, from > 0, to < items.length);

    function respond(page: T[], moreBefore: boolean, moreAfter: boolean): RouteResult {
      const meta: Record<string, unknown> = { status: 200 };
      const lowest = page[0];
      const highest = page[page.length - 1];
      if (direction !== 'after')
        meta.next_before_position = moreBefore && lowest !== undefined ? positionOf(lowest) : null;
      if (direction !== 'before')
        meta.next_after_position = moreAfter && highest !== undefined ? positionOf(highest) : null;
      const ordered = order === 'desc' ? [...page].reverse() : page;
      const text = (p: unknown) =>
        Array.isArray(p) ? `[${p.map((x: RawNumber) => x.text).join(',')}]` : null;
      return {
        body: { meta, data: ordered.map(render) },
        itemsField: 'data',
        log: {
          params: Object.fromEntries(ctx.query),
          size: count,
          cursorIn: positionText,
          cursorOut:
            direction === 'after'
              ? text(meta.next_after_position)
              : text(meta.next_before_position),
          itemCount: page.length,
        },
      };
    }
  };

  const conversationKey = (c: Conversation): Key => [c.created, c.id];
  const renderConversation = (c: Conversation) => ({
    ...c,
    id: new RawNumber(String(c.id)),
    created: new RawNumber(textFromMicros(c.created)),
  });
  const renderPart = (p: Part) => ({
    ...p,
    id: new RawNumber(String(p.id)),
    conversation: new RawNumber(String(p.conversation)),
    created: new RawNumber(textFromMicros(p.created)),
  });

  const definition: VendorDefinition = {
    vendor: 'dashly',
    errorBody: (status, message, kind) => ({
      meta: {
        status,
        error:
          kind === 'rate-limit'
            ? 'TooManyRequests'
            : kind === 'not-found'
              ? 'NotFound'
              : status === 400
                ? 'BadRequest'
                : 'InternalServerError',
        error_message: message,
      },
      data: {},
    }),
    routes: [
      {
        method: 'GET',
        path: /^\/apps\/(?<appId>[^/]+)\/conversations$/,
        collection: () => conversations as Collection<unknown>,
        // Newest first: a walk with no position starts `before` the newest.
        head: 'end',
        handle: (ctx) =>
          v2(
            ctx,
            conversations,
            conversationKey,
            (c) => [new RawNumber(textFromMicros(c.created)), new RawNumber(String(c.id))],
            (tokens) => {
              if (tokens.length !== 2) return undefined;
              const ts = microsFromText(tokens[0] as string);
              const id = bigintFromText(tokens[1] as string);
              return ts === undefined || id === undefined ? undefined : [ts, id];
            },
            renderConversation,
          ),
      },
      {
        method: 'GET',
        path: /^\/conversations\/(?<conversationId>[^/]+)\/parts$/,
        collection: () => parts as Collection<unknown>,
        // Newest first: a walk with no position starts `before` the newest.
        head: 'end',
        handle: (ctx) =>
          v2(
            ctx,
            parts,
            (p) => [p.id],
            (p) => [new RawNumber(String(p.id))],
            (tokens) => {
              if (tokens.length !== 1) return undefined;
              const id = bigintFromText(tokens[0] as string);
              return id === undefined ? undefined : [id];
            },
            renderPart,
          ),
      },
      {
        // Pagination v1 (deprecated): `after` works as v2's `before`, on the timestamp alone — so
        // conversations sharing the boundary timestamp are skipped (the flaw the docs warn about).
        method: 'GET',
        path: /^\/v1\/apps\/(?<appId>[^/]+)\/conversations$/,
        collection: () => conversations as Collection<unknown>,
        // Newest first: a walk with no position starts `before` the newest.
        head: 'end',
        handle(ctx) {
          authenticate(ctx);
          const count = readCount(ctx, 'count');
          const including = readBool(ctx, 'including');
          const order = readOrder(ctx, 'page_order');
          const afterText = ctx.query.get('after');
          const items = conversations.items;
          let to = items.length;
          if (afterText !== null && afterText !== '') {
            const ts = microsFromText(afterText);
            if (ts === undefined || ctx.rejectCursor()) fail(400, 'BadRequest', 'after is invalid');
            to = bound(items, (c) => [c.created], [ts as bigint], including);
          }
          const from = Math.max(0, to - count);
          const page = items.slice(from, to);
          const oldest = page[0];
          const nextAfter =
            from > 0 && oldest ? new RawNumber(textFromMicros(oldest.created)) : null;
          const ordered = order === 'desc' ? [...page].reverse() : page;
          return {
            body: {
              meta: { status: 200, next_after: nextAfter },
              data: ordered.map(renderConversation),
            },
            itemsField: 'data',
            log: {
              params: Object.fromEntries(ctx.query),
              size: count,
              cursorIn: afterText,
              cursorOut: nextAfter?.text ?? null,
              itemCount: page.length,
            },
          };
        },
      },
    ],
  };
  return new Simulator(definition, options);
}
