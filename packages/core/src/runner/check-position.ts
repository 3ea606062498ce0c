import { resolvePageSize } from '../page-size.js';
import { PaginationError } from '../pagination-error.js';
import type { Cursor, Direction, PageRequest, Source } from '../types.js';
import type { PagePosition } from './runner-types.js';

/** A position a source can page from, and the request it makes there. */
export interface CheckedPosition {
  cursor: Cursor | null;
  direction: Direction;
  size: number;
  /** For page-number sources: the page number. */
  page: number;
  params: unknown;
  request: PageRequest;
}

/**
 * Step 0: checks a position against its source before anything is sent — a direction the source
 * cannot page is `UNSUPPORTED_DIRECTION`, a page "number" that is not one is `INVALID_CURSOR`, a
 * size is clamped to the source's limits (or is `INVALID_SIZE`) — and builds the request.
 */
export function checkPosition<T>(source: Source<T>, position: PagePosition): CheckedPosition {
  const { provider } = source;
  const size = resolvePageSize(provider, source.limits, position.size);
  const direction = position.direction ?? 'after';
  const cursor = position.cursor;
  const params = position.params;
  const fail = (code: 'UNSUPPORTED_DIRECTION' | 'INVALID_CURSOR', message: string) =>
    new PaginationError(code, message, { provider });
  if (source.kind === 'cursor') {
    if (!source.directions.includes(direction) || (direction === 'around' && cursor === null)) {
      throw fail(
        'UNSUPPORTED_DIRECTION',
        `${provider} cannot page "${direction}"${cursor === null ? ' without a cursor' : ''}; it pages ${source.directions.join(', ')}`,
      );
    }
    const request = build(provider, () => source.request({ cursor, direction, size, params }));
    return { cursor, direction, size, page: 0, params, request };
  }
  if (direction === 'around')
    throw fail('UNSUPPORTED_DIRECTION', `${provider} cannot page "around"; it pages after, before`);
  const page = cursor === null ? source.firstPage : Number(cursor);
  if (cursor !== null && (!/^-?\d+$/.test(cursor) || page < source.firstPage)) {
    throw fail(
      'INVALID_CURSOR',
      `"${cursor}" is not a page number of this source (pages start at ${source.firstPage})`,
    );
  }
  const request = build(provider, () => source.request({ page, size, params }));
  return { cursor, direction, size, page, params, request };
}

/**
 * The source's own `request`, run: a bug in it (`params.status` on undefined parameters) is a
 * typed `BAD_REQUEST` naming the source, not a bare `TypeError` out of a hook or a walk.
 */
function build(provider: string, request: () => PageRequest): PageRequest {
  try {
    return request();
  } catch (error) {
    if (error instanceof PaginationError) throw error;
    throw new PaginationError(
      'BAD_REQUEST',
      `the source's request() threw: ${error instanceof Error ? error.message : String(error)}`,
      { provider, cause: error },
    );
  }
}
