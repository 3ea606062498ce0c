import { readPath } from '../field-path.js';
import {
  LosslessNumber,
  parseLosslessJson,
  stringifyLosslessJson,
  toPlainJson,
} from '../lossless-json.js';
import { needText } from '../option-check.js';
import { optionsId } from '../options-id.js';
import { badResponse, readItems, typeName } from '../read-page-fields.js';
import { defineCursorSource, withParams } from '../sources/define-source.js';
import type {
  AuthScheme,
  Cursor,
  CursorSource,
  Direction,
  ErrorReading,
  SizeLimits,
} from '../types.js';

/**
 * Dashly (Carrot quest) web API, pagination v2: `paginate_position` (a JSON array: `[id]` or
 * `[timestamp, id]`), `paginate_count` 1–50, `paginate_direction` after/before/around,
 * `paginate_including`, `paginate_page_order`; the answer's `meta.next_before_position` /
 * `meta.next_after_position` are the next positions, `null` meaning no more.
 *
 * Ids reach beyond 2^53 and arrive as JSON numbers: responses are read with a lossless parser,
 * positions go back exactly as the server wrote each number, and item ids beyond 2^53 are handed
 * to you as strings (as `id_as_string` would).
 */
export const DASHLY_LIMITS: SizeLimits = { min: 1, max: 50, default: 20 };

/** Dashly's auth token as `Authorization: Token …` (server-side; a browser goes through your backend). */
export const dashlyAuth: AuthScheme = {
  apply: (request, token) => ({
    ...request,
    headers: { ...request.headers, authorization: `Token ${token}` },
  }),
  isTokenError: () => false,
};

function readDashlyError(status: number, body: unknown): ErrorReading | undefined {
  const meta = readPath(body, 'meta') as
    | { status?: unknown; error?: unknown; error_message?: unknown }
    | undefined;
  if (!meta || typeof meta !== 'object') return undefined;
  const message = `${String(meta.error ?? 'Error')}: ${String(meta.error_message ?? '')}`;
  if (status === 400 && /position|after is invalid/i.test(String(meta.error_message)))
    return { code: 'INVALID_CURSOR', message };
  if (status === 200 && typeof meta.status === 'number' && meta.status !== 200)
    return { code: 'VENDOR_ERROR', message };
  // Other HTTP errors: the runner's reading of the status, with `meta.error_message`.
  return undefined;
}

/** A position from the response, as exact text; `null` for null; `undefined` when absent. */
function readPosition(body: unknown, field: string): Cursor | null | undefined {
  const value = readPath(body, `meta.${field}`);
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every(
      (v) => typeof v === 'number' || typeof v === 'string' || v instanceof LosslessNumber,
    )
  ) {
    throw badResponse(
      'dashly',
      `meta.${field}`,
      `"meta.${field}" is ${typeName(value)}, not a position array`,
    );
  }
  return stringifyLosslessJson(value);
}

export interface DashlyListOptions<T, P = undefined> {
  /** e.g. `/apps/{appId}/conversations` with the id filled in. */
  path: string;
  /**
   * The fields that make an item's position, in order: `['id']` for primary-key pagination,
   * `['created', 'id']` for datetime pagination. Used for the edge a page's answer does not name.
   */
  position: readonly string[];
  /**
   * List order (`paginate_page_order`): `desc`, Dashly's default, newest first; or `asc`; or
   * chosen from the list's parameters (a sort control): `(p) => p.oldestFirst ? 'asc' : 'desc'`.
   * @defaultValue 'desc'
   */
  order?: 'asc' | 'desc' | ((params: P) => 'asc' | 'desc');
  /** An item's key. @defaultValue its `id`, as a string */
  key?(item: T): string;
  /**
   * Directions this endpoint supports (not every endpoint supports all three).
   * @defaultValue ['after', 'before', 'around']
   */
  directions?: ReadonlyArray<Direction> | undefined;
  /** Fixed query fields sent with every request. @defaultValue none */
  query?: Record<string, string> | undefined;
  /**
   * The endpoint's own query fields for a list's parameters.
   * @defaultValue none — the list's parameters are not sent
   */
  params?(params: P): Record<string, string | undefined>;
}

/**
 * Each item's exact position, as the server wrote its numbers (the plain item may have rounded
 * them), for every Dashly source: a source object made again (on every render) still knows the
 * positions of the items another one read.
 */
const positions = new WeakMap<object, Cursor>();

/** A Dashly v2 list. In list order, `after` means further down the list (older, for `desc`). */
export function dashlyList<T, P = undefined>(options: DashlyListOptions<T, P>): CursorSource<T, P> {
  const provider = 'dashly';
  needText(provider, options, ['path']);
  const orderOf = (params: P | undefined) =>
    typeof options.order === 'function'
      ? params === undefined
        ? 'desc'
        : options.order(params)
      : (options.order ?? 'desc');
  // List direction → Dashly direction: in a newest-first list, going down means Dashly's `before`.
  const edges = (params: P | undefined) =>
    orderOf(params) === 'desc'
      ? ({ down: 'before', up: 'after' } as const)
      : ({ down: 'after', up: 'before' } as const);
  const vendorDirection = (d: Direction, params: P | undefined) =>
    d === 'around' ? 'around' : edges(params)[d === 'after' ? 'down' : 'up'];
  const positionOf = (raw: unknown): Cursor => {
    const parts = options.position.map((f) => readPath(raw, f));
    if (parts.some((p) => p === undefined || p === null))
      throw badResponse(
        provider,
        options.position.join(','),
        `an item lacks its position fields ${options.position.join(', ')}`,
      );
    return stringifyLosslessJson(parts);
  };
  // An item's position from its plain fields, for items this source object did not read (another
  // instance's, or hydrated from a server): digit strings are the ids kept exact, written as numbers.
  const plainPosition = (item: unknown): Cursor | undefined => {
    if (item === null || typeof item !== 'object') return undefined;
    const parts = options.position.map((f) => readPath(item, f));
    if (parts.some((p) => typeof p !== 'number' && typeof p !== 'string')) return undefined;
    return `[${parts.map((p) => (typeof p === 'string' && /^-?\d+$/.test(p) ? p : JSON.stringify(p))).join(',')}]`;
  };
  const positionOfItem = (item: unknown): Cursor | undefined =>
    (item !== null && typeof item === 'object' ? positions.get(item) : undefined) ??
    plainPosition(item);
  return defineCursorSource<T, P>({
    provider,
    id: optionsId(provider, 'v2', options),
    limits: DASHLY_LIMITS,
    directions: options.directions ?? ['after', 'before', 'around'],
    cursorOf: positionOfItem,
    // `after` an item's position continues right below it, in list order.
    cursorAfter: positionOfItem,
    // Primary-key pagination: the position is the id itself, written exactly.
    cursorForKey: (key) =>
      options.position.length === 1 && /^-?\d+$/.test(key) ? `[${key}]` : undefined,
    key: options.key ?? ((item) => String((item as { id?: unknown }).id)),
    auth: dashlyAuth,
    decode: parseLosslessJson,
    readError: readDashlyError,
    request: ({ cursor, direction, size, params }) => ({
      method: 'GET',
      path: options.path,
      query: {
        ...withParams(options.query, params, options.params),
        paginate_count: String(size),
        paginate_direction: vendorDirection(direction, params),
        paginate_page_order: orderOf(params),
        ...(cursor === null ? {} : { paginate_position: cursor }),
        ...(direction === 'around' ? { paginate_including: 'true' } : {}),
      },
    }),
    parse(body, { cursor, direction, params }) {
      const { down, up } = edges(params as P | undefined);
      const raw = readItems<unknown>(provider, body, 'data');
      const downEdge = readPosition(body, `next_${down}_position`);
      const upEdge = readPosition(body, `next_${up}_position`);
      const items = toPlainJson(raw) as T[];
      items.forEach((item, i) => {
        if (item !== null && typeof item === 'object') positions.set(item, positionOf(raw[i]));
      });
      // The answer names the edge in the direction asked (null = the end); the other edge, when
      // the vendor does not name it, is the position of the page's item on that side.
      const first = raw[0];
      const last = raw[raw.length - 1];
      let next: Cursor | null;
      let prev: Cursor | null | undefined;
      if (direction === 'after') {
        next = downEdge ?? null;
        prev =
          upEdge !== undefined
            ? upEdge
            : cursor === null
              ? null
              : first === undefined
                ? undefined
                : positionOf(first);
      } else if (direction === 'before') {
        prev = upEdge ?? null;
        next =
          downEdge !== undefined
            ? downEdge
            : last === undefined
              ? (cursor ?? null)
              : positionOf(last);
      } else {
        next = downEdge ?? null;
        prev = upEdge ?? null;
      }
      return { items, next, prev };
    },
  });
}

export interface DashlyV1ListOptions<T> {
  /** e.g. `/v1/apps/{appId}/conversations`. */
  path: string;
  /** An item's key. @defaultValue its `id`, as a string */
  key?(item: T): string;
  /** Fixed query fields sent with every request. @defaultValue none */
  query?: Record<string, string> | undefined;
}

/**
 * @deprecated Dashly pagination v1 (`after`, `count`, `meta.next_after`). Its datetime cursor is
 * the timestamp alone, so when several objects share the timestamp at a page boundary, the ones
 * not yet returned are skipped (the flaw Dashly documents). Use {@link dashlyList}.
 */
export function dashlyV1List<T>(options: DashlyV1ListOptions<T>): CursorSource<T> {
  const provider = 'dashly';
  return defineCursorSource<T>({
    provider,
    id: optionsId(provider, 'v1', options),
    limits: DASHLY_LIMITS,
    key: options.key ?? ((item) => String((item as { id?: unknown }).id)),
    auth: dashlyAuth,
    decode: parseLosslessJson,
    readError: readDashlyError,
    request: ({ cursor, size }) => ({
      method: 'GET',
      path: options.path,
      query: {
        ...options.query,
        count: String(size),
        ...(cursor === null ? {} : { after: cursor }),
      },
    }),
    parse(body) {
      const items = toPlainJson(readItems<unknown>(provider, body, 'data')) as T[];
      const next = readPath(body, 'meta.next_after');
      if (
        next !== undefined &&
        next !== null &&
        typeof next !== 'number' &&
        typeof next !== 'string' &&
        !(next instanceof LosslessNumber)
      ) {
        throw badResponse(
          provider,
          'meta.next_after',
          `"meta.next_after" is ${typeName(next)}, not a cursor`,
        );
      }
      return { items, next: next === undefined || next === null ? null : String(next) };
    },
  });
}
