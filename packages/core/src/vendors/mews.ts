import { readPath } from '../field-path.js';
import { needText } from '../option-check.js';
import { optionsId } from '../options-id.js';
import { readCursor, readItems } from '../read-page-fields.js';
import { defineCursorSource } from '../sources/define-source.js';
import type { CursorSource, SizeLimits } from '../types.js';

/**
 * Mews Connector API: `POST [PlatformAddress]/api/connector/v1/{entity}/getAll` with
 * `Limitation: {Cursor, Count}` (Count 1–1000). Items come newest first; the response `Cursor`
 * is the id of the oldest item returned and is present even on the last page, so the end is a
 * null `Cursor` **or** fewer than `Count` items.
 *
 * `ClientToken` and `AccessToken` are secrets: give `credentials` only on a server. In a browser,
 * leave them out and let your backend add them.
 */
export const MEWS_LIMITS: SizeLimits = { min: 1, max: 1000, default: 100 };

export interface MewsGetAllOptions<T, P = undefined> {
  /** The entity path segment: `customers`, `reservations`, or `reservations/getAll/2023-06-06`'s `reservations`. */
  entity: string;
  /** Field holding the items: `Customers`, `Reservations`… */
  items: string;
  /**
   * The field of the entity `Count` limits, when it is not `items` (with `Extents`, a getAll can
   * answer several entities, and `Count` applies to one). The end is a null `Cursor` or fewer
   * than `Count` of these; when the answer leaves this field out (its extent off), only a null
   * `Cursor` ends the walk.
   * @defaultValue the `items` field
   */
  counted?: string | undefined;
  /**
   * Override the operation path (`reservations/getAll/2023-06-06`).
   * @defaultValue `{entity}/getAll`
   */
  operation?: string | undefined;
  /** `Client` name and version sent with every call. @defaultValue 'Pagewise 0.1.0' */
  client?: string | undefined;
  /**
   * `ClientToken` and `AccessToken`, sent in every body: server-side only.
   * @defaultValue none — the body carries no tokens (your backend adds them)
   */
  credentials?: { clientToken: string; accessToken: string } | undefined;
  /** Fixed body fields sent with every request: extents, a service… @defaultValue none */
  body?: Record<string, unknown> | undefined;
  /**
   * Body fields for a list's parameters — the getAll filters beside `Limitation`:
   * `(p: { states?: string[] }) => ({ States: p.states })` (`undefined` fields are not sent).
   * @defaultValue none — the list's parameters are not sent
   */
  params?(params: P): Record<string, unknown>;
  /** An item's key. @defaultValue its `Id`, as a string */
  key?(item: T): string;
  /** `Count` limits. @defaultValue MEWS_LIMITS, { min: 1, max: 1000, default: 100 } */
  limits?: SizeLimits | undefined;
  /**
   * How many items the list holds, estimated from how far through it an item lies — with a time
   * filter (`CreatedUtc`, `UpdatedUtc`), an item's time within the interval asked for: see
   * `estimateFromPosition`. A table then shows "Page 7 of about 60" until it reaches the end.
   * @defaultValue none — a Mews table's page count is unknown until the last page
   */
  estimateTotal?: CursorSource<T, P>['estimateTotal'];
}

/**
 * A Mews Connector `getAll` operation as a cursor source: a POST whose `Limitation` holds
 * `Cursor` and `Count` (1–1000), newest first; the end is a null `Cursor` or fewer than `Count` items
 * (a full last page still carries a `Cursor`). Credentials go in the body: give `credentials`
 * only on a server.
 */
export function mewsGetAll<T, P = undefined>(options: MewsGetAllOptions<T, P>): CursorSource<T, P> {
  const provider = 'mews';
  needText(provider, options, options.operation ? ['items'] : ['entity', 'items']);
  const path = `/api/connector/v1/${options.operation ?? `${options.entity}/getAll`}`;
  return defineCursorSource<T, P>({
    provider,
    id: optionsId(provider, 'getAll', options),
    limits: options.limits ?? MEWS_LIMITS,
    key: options.key ?? ((item) => String((item as { Id?: unknown }).Id)),
    ...(options.estimateTotal ? { estimateTotal: options.estimateTotal } : {}),
    // The Cursor is the id of the last counted item returned: any of those items' id continues
    // right after it (only when the items are the counted entity).
    ...(options.counted === undefined || options.counted === options.items
      ? {
          cursorAfter: (item: T) => {
            const id = (item as { Id?: unknown } | null)?.Id;
            return typeof id === 'string' && id ? id : undefined;
          },
        }
      : {}),
    readError: (status, body) => {
      const message = (body as { Message?: unknown } | null)?.Message;
      return status === 400 && typeof message === 'string' && /cursor/i.test(message)
        ? { code: 'INVALID_CURSOR', message }
        : undefined;
    },
    request: ({ cursor, size, params }) => ({
      method: 'POST',
      path,
      body: {
        ...options.body,
        ...(params !== undefined && options.params ? options.params(params) : {}),
        ...(options.credentials
          ? {
              ClientToken: options.credentials.clientToken,
              AccessToken: options.credentials.accessToken,
            }
          : {}),
        Client: options.client ?? 'Pagewise 0.1.0',
        Limitation: { Cursor: cursor, Count: size },
      },
    }),
    parse(body, { size }) {
      const items = readItems<T>(provider, body, options.items);
      const cursor = readCursor(provider, body, 'Cursor');
      const counted =
        options.counted === undefined || options.counted === options.items
          ? items
          : readPath(body, options.counted);
      const short = Array.isArray(counted) && counted.length < size;
      const next = cursor === null || short ? null : cursor;
      // With Extents the Count limits the counted entity, not the items (none of it, when off).
      if (counted === items) return { items, next };
      return { items, next, counted: Array.isArray(counted) ? counted.length : 0 };
    },
  });
}
