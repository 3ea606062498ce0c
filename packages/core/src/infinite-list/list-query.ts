import type { RequestRunner } from '../runner/runner-types.js';
import { warnOnce } from '../shared/is-development.js';
import { keySafe } from '../shared/key-safe.js';
import { sourceScope } from '../source-identity.js';
import type { DriftRepairedSource } from '../sources/drift-repair.js';
import { repairsByDefault } from '../sources/repair-default.js';
import type { Cursor, Source } from '../types.js';
import { createListMemory } from './list-memory.js';
import type { ListPage, ListPageParam } from './list-page.js';

/** What a list is: its source, runner, parameters, page size and where it opens. */
export interface ListQueryInput<T, P = unknown> {
  source: Source<T, P>;
  runner: RequestRunner;
  /**
   * The list's parameters (filters, a time window, search), handed to the source with every
   * request and part of the list's key: new parameters are a new list.
   * @defaultValue none
   */
  params?: P | undefined;
  /**
   * The base of the list's cache key.
   * @defaultValue `['pagewise', provider, identity]` — the source's identity, from how it was built
   */
  queryKey?: readonly unknown[] | undefined;
  /** Items per request, clamped to the source's limits. @defaultValue the source's default */
  pageSize?: number | undefined;
  /**
   * Open the list around a cursor (`source.cursorOf(item)`, or one saved earlier) and grow both
   * ways. @defaultValue none — `aroundKey`, else the start
   */
  around?: Cursor | undefined;
  /**
   * Open the list around the item with this key, for sources that position by key
   * (`source.cursorForKey`); `around` wins. @defaultValue none — the list opens at its start
   */
  aroundKey?: string | undefined;
  /**
   * Page-number and offset sources: each next page is read as a window that starts a few items
   * back and goes on right after the last item loaded, so rows inserted or deleted above the
   * reader are neither skipped nor repeated. `false` loads page after page by number.
   * @defaultValue true where the page size is at most 85 % of the source's maximum, except on
   * sources that read pages in order (`readsInOrder`: DingTalk)
   */
  repairDrift?: boolean | undefined;
}

/** How one list's pages are fetched and chained, and the key it is kept under. */
export interface ListQuery<T> {
  key: readonly unknown[];
  initialPageParam: ListPageParam;
  /** Fetches a page; `loaded` are the pages the list holds (to notice a vendor that repeats itself). */
  load(
    param: ListPageParam,
    signal: AbortSignal | undefined,
    loaded: readonly ListPage<T>[],
  ): Promise<ListPage<T>>;
  nextParam(last: ListPage<T>): ListPageParam | undefined;
  previousParam(first: ListPage<T>): ListPageParam | undefined;
  /** Set when `aroundKey` was given but the source cannot place it: the list opens at its start. */
  unplaced: boolean;
}

/** Where a list opens: `around`, else the cursor of `aroundKey` where the source has one. */
export function listAround<T, P>(input: ListQueryInput<T, P>): Cursor | undefined {
  const { source } = input;
  if (input.around !== undefined) return input.around;
  if (input.aroundKey === undefined || source.kind !== 'cursor') return undefined;
  return source.cursorForKey?.(input.aroundKey);
}

/** Whether a list over a page-number source reads on from the last row loaded (see `repairDrift`). */
function repairsDrift<T, P>(input: ListQueryInput<T, P>, source: Source<T, P>): boolean {
  if (source.kind !== 'page') return false;
  const size = Math.min(input.pageSize ?? source.limits.default, source.limits.max);
  return input.repairDrift ?? repairsByDefault(source, size);
}

/** The cache key of a list: the source's scope, its parameters, the page size, where it opens. */
export function listKey<T, P>(input: ListQueryInput<T, P>): readonly unknown[] {
  const { source, params } = input;
  const size = input.pageSize ?? source.limits.default;
  const scope = sourceScope(source as Source<unknown>, input.queryKey);
  return [
    ...scope,
    ...(params === undefined ? [] : [keySafe(params)]),
    'list',
    size,
    listAround(input) ?? null,
    ...(source.kind === 'page' && !repairsDrift(input, source) ? ['page after page'] : []),
  ];
}

/**
 * A list's query: its key, where it opens, how a page is fetched, and its memory — the
 * positions each page was fetched at (so a forward-only source slides a `maxPages` window back
 * up) and the progress guard (so a vendor that loops stops the list).
 */
export function listQuery<T, P>(
  input: ListQueryInput<T, P>,
  latest: () => Pick<ListQueryInput<T, P>, 'source' | 'runner'> = () => input,
): ListQuery<T> {
  const source = input.source as Source<T>;
  const size = input.pageSize ?? source.limits.default;
  const walked = (s: Source<T>): Source<T> =>
    s.kind === 'page' && repairsDrift(input, s) ? (s.repairDrift?.() ?? s) : s;
  const memory = createListMemory(walked(source));
  const around = listAround(input);
  const unplaced = input.aroundKey !== undefined && around === undefined;
  if (process.env.NODE_ENV !== 'production' && unplaced)
    warnOnce(
      `${source.provider} cannot open a list around the key "${input.aroundKey}" (the source has no cursorForKey, or it gave none for this key); the list opens at its start`,
    );
  return {
    key: listKey(input),
    initialPageParam: { cursor: around ?? null, direction: around ? 'around' : 'after' },
    async load(param, signal, loaded) {
      // The runner and source as they are now (a runner rebuilt with new headers, a source
      // rebuilt on a render): the key, and so the list, stays the same.
      const { runner, source: now } = latest();
      const read = walked(now as Source<T>);
      const position = { ...param, size, params: input.params };
      // A drift-repaired walk goes on past a step that read back for rows that moved.
      const page =
        'readOn' in read
          ? await (read as DriftRepairedSource<T, P>).readOn(runner, position, signal, loaded)
          : await runner.fetchPage(read, position, { signal });
      return memory.record(param, page, loaded);
    },
    nextParam: memory.nextParam,
    previousParam: memory.previousParam,
    unplaced,
  };
}
