import { stableText } from '../shared/stable-text.js';
import type { Cursor } from '../types.js';

/**
 * Where one page of a table lives in a cache: the table's scope (its source, parameters…), the
 * page size, the direction it was fetched in and its cursor.
 */
export interface PageKey {
  scope: readonly unknown[];
  cursor: Cursor | null;
  direction: 'after' | 'before';
  /** The page size sent (for a stretched request, the pages it covers times the page size). */
  size: number;
}

/** A page a controller wants fetched and kept: the page index it holds, and its key. */
export interface WantedPage {
  index: number;
  key: PageKey;
  /** Pages this one request covers: more than 1 for a stretched request (see `cursorAfter`). */
  span: number;
  /**
   * Fetched ahead of the user (a prefetch, a sign of intent): once started it is let finish even
   * when no longer wanted — the request is sent already, and the page may be wanted again soon.
   */
  ahead?: boolean | undefined;
}

/** The text of a scope: equal scopes, however their objects were written, have equal text. */
export const scopeText = (scope: readonly unknown[]): string => stableText(scope);

/** The text of a page key, for maps: the one way keys are compared. */
export const pageKeyText = (key: PageKey): string =>
  stableText([key.scope, key.size, key.direction, key.cursor]);
