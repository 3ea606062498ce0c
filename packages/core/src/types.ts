import type { DriftRepairedSource } from './sources/drift-repair.js';

/** An opaque position handed out by a vendor: never parsed, never re-encoded by callers. */
export type Cursor = string;

/**
 * Which way to page, in list order: `after` follows a page's `next`, `before` follows its `prev`,
 * `around` opens a page centred on a cursor. (Vendor words such as Dashly's own `before` are
 * mapped inside the adapter.)
 */
export type Direction = 'after' | 'before' | 'around';

/** One page of a walk. */
export interface Page<T> {
  items: T[];
  /** Where the following page starts, or `null` when there is no more. */
  next: Cursor | null;
  /** Where the preceding page ends, `null` at the start, `undefined` when the vendor does not say. */
  prev?: Cursor | null | undefined;
  /** Total item count, when the vendor tells it. */
  total?: number | undefined;
  /** Total page count at this page size, when the vendor tells it (or it follows from `total`). */
  pageCount?: number | undefined;
  /**
   * How many of what the page size limits came back, when that is not the items (Mews with
   * `Extents`: the counted entity). More than the size asked for is `BAD_RESPONSE`.
   * @defaultValue the number of items
   */
  counted?: number | undefined;
}

/** A request as a source describes it; the request runner executes it. */
export interface PageRequest {
  method: 'GET' | 'POST';
  /** The endpoint: a path under the runner's base URL (`/v1.0/users`). */
  path: string;
  /**
   * A link the vendor handed out to follow instead (a Link header's `next`): resolved as a
   * browser resolves a link, against the endpoint's URL, and followed only when it stays on the
   * base URL's origin, under its path, at this request's `path` — anything else is
   * `INVALID_CURSOR` before a request is sent. Its query is kept; `query` is set over it.
   * @defaultValue none — the request goes to `path`
   */
  link?: string | undefined;
  /** Query parameters; entries whose value is `undefined` are left out, so optional ones can be written inline. */
  query?: Record<string, string | undefined>;
  headers?: Record<string, string> | undefined;
  body?: unknown | undefined;
}

export interface SizeLimits {
  min: number;
  max: number;
  default: number;
}

/** What a source's `parse` gets besides the body. */
export interface ParseContext {
  /** The page size sent. */
  size: number;
  direction: Direction;
  /** The cursor the page was asked for (`null` for the first page). */
  cursor: Cursor | null;
  status: number;
  headers: Headers;
  /** The list's parameters, as the request got them. */
  params?: unknown | undefined;
}

/** How credentials reach a vendor, and how the vendor says a token has expired. */
export interface AuthScheme {
  apply(request: PageRequest, token: string): PageRequest;
  /** True when a response (an HTTP error or a 200 body) says the token is invalid or expired. */
  isTokenError(status: number, body: unknown): boolean;
}

/** A vendor-specific reading of an error response. */
export interface ErrorReading {
  code:
    | 'INVALID_CURSOR'
    | 'BAD_REQUEST'
    | 'VENDOR_ERROR'
    | 'RATE_LIMITED'
    | 'SERVER_ERROR'
    | 'UNAUTHORIZED';
  message: string;
}

/** What every source has, whatever it pages by. */
export interface SourceBase<T> {
  /** Vendor or source name, used in errors and logs (`dingtalk`, `mews`…). */
  provider: string;
  /**
   * Stable identity for cache keys: the same endpoint read the same way. Adapters set it from
   * their options; without it, the first request the source makes stands for it.
   */
  id?: string | undefined;
  limits: SizeLimits;
  /** Stable identity of an item: de-duplication and React keys. */
  key(item: T): string;
  auth?: AuthScheme | undefined;
  /** Turns response text into a value (default `JSON.parse`); Dashly keeps big numbers exact. */
  decode?(text: string): unknown;
  /** Reads a vendor error from a response: an HTTP error, or a 200 whose body is an error. */
  readError?(status: number, body: unknown): ErrorReading | undefined;
  /** What to do when the vendor rejects a cursor: restart from the first page (DingTalk's advice) or fail. */
  onInvalidCursor?: 'restart' | 'fail' | undefined;
  /**
   * An estimate of how many items the whole list holds, from how far through it an item lies
   * (its time within a filtered interval, its position in an ordered range): a table whose count
   * is unknown then shows "Page 7 of about 60". `items` is how many come before and with `last`.
   * `estimateFromPosition` builds one from an item's position between 0 and 1. Return
   * `undefined` for no estimate; anything but a finite number of at least 0 is ignored.
   */
  estimateTotal?(seen: { items: number; last: T; params: unknown }): number | undefined;
}

/**
 * A source that pages by an opaque cursor (token, cursor, position). `P` is the type of its
 * parameters — filters, sort, search, a time window — which every request gets (`undefined` when
 * none were given); a new set of parameters is a new list (the hooks start over on page 1).
 */
export interface CursorSource<T, P = unknown> extends SourceBase<T> {
  kind: 'cursor';
  directions: ReadonlyArray<Direction>;
  request(at: {
    cursor: Cursor | null;
    direction: Direction;
    size: number;
    params?: P | undefined;
  }): PageRequest;
  parse(body: unknown, context: ParseContext): Page<T>;
  /** The cursor that positions a page at `item` (for "open around item X"), when the vendor allows it. */
  cursorOf?(item: T): Cursor | undefined;
  /** The cursor that positions a page at the item with this key, when the key alone is enough (Dashly primary-key positions). */
  cursorForKey?(key: string): Cursor | undefined;
  /**
   * The cursor that continues right after this item, for sources whose cursor is an item position
   * (Mews: the item's id). A table then fetches several pages in one larger request and learns
   * the cursor of each page between from it (a stretched walk).
   */
  cursorAfter?(item: T): Cursor | undefined;
}

/**
 * A source that pages by page number. Its cursors are page numbers as strings (`"1"`, `"2"`…).
 * `P` is the type of its parameters (see `CursorSource`).
 */
export interface PageNumberSource<T, P = unknown> extends SourceBase<T> {
  kind: 'page';
  /** The first page's number: 1 for DingTalk, 0 for offset APIs that count from zero. */
  firstPage: number;
  request(at: { page: number; size: number; params?: P | undefined }): PageRequest;
  parse(body: unknown, context: ParseContext & { page: number }): Page<T>;
  /**
   * This source read as a walk that goes on from the last items it read — each page a window
   * starting a few items back — so rows inserted or deleted meanwhile lose and repeat nothing
   * (drift repair: `paginate()`, infinite lists, tables with `repairDrift`). Sources made with
   * `definePageNumberSource` (every page-number adapter of the kit) have it; an app whose sources
   * all page by cursor ships none of it.
   * @defaultValue none — the source is read page after page by number
   */
  repairDrift?(): DriftRepairedSource<T, P>;
  /**
   * The vendor asks a walk to read pages 1, 2, 3… at one size (DingTalk's page-number APIs:
   * "increment pageNumber for each subsequent call"). Drift repair re-reads overlapping windows at
   * other sizes, so on such a source it runs only when asked (`repairDrift: true`).
   * @defaultValue false
   */
  readsInOrder?: boolean | undefined;
}

export type Source<T, P = unknown> = CursorSource<T, P> | PageNumberSource<T, P>;

/** The item type of a source. */
export type ItemOf<S> = S extends Source<infer T, infer _P> ? T : never;

/** The parameters type of a source. */
export type ParamsOf<S> = S extends Source<infer _T, infer P> ? P : never;

/**
 * The parameters a table hands a source when it uses `useTableState`: TanStack Table's sorting,
 * column filters and (debounced) global filter, in a shape any source can map onto its API.
 */
export interface TableQuery {
  /** Sort order: column ids, first one first. */
  sort: ReadonlyArray<{ id: string; desc: boolean }>;
  /** Column filters by column id. */
  filters: Readonly<Record<string, unknown>>;
  /** The search text, `''` for none. */
  search: string;
}
