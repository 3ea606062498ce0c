// Type tests (compiled by `tsc -b` in `pnpm test`): item types flow from a source to what a walk
// hands out, without annotations at the call site.
import { expectTypeOf } from 'vitest';
import {
  createInfiniteList,
  createPagedTable,
  memoryListCache,
  memoryPageCache,
} from './controllers.js';
import { defineCursorSource, readCursor, readItems } from './define.js';
import {
  createRequestRunner,
  dingtalkTokenList,
  type FetchedPage,
  type ItemOf,
  type mewsGetAll,
  offsetLimitSource,
  paginate,
  type WalkPage,
} from './index.js';

interface Event {
  id: string;
  summary: string;
}
const runner = createRequestRunner({ baseUrl: '/api/dingtalk' });
const events = dingtalkTokenList({ path: '/events', items: 'events', key: (e: Event) => e.id });
expectTypeOf<ItemOf<typeof events>>().toEqualTypeOf<Event>();
expectTypeOf(runner.fetchPage(events, { cursor: null })).resolves.toEqualTypeOf<
  FetchedPage<Event>
>();

export async function walks() {
  for await (const page of paginate(events, { runner })) {
    expectTypeOf(page).toEqualTypeOf<WalkPage<Event>>();
    expectTypeOf(page.items).toEqualTypeOf<Event[]>();
  }
  expectTypeOf(await paginate(events, { runner }).toArray()).toEqualTypeOf<Event[]>();
  for await (const item of paginate(events, { runner }).items())
    expectTypeOf(item).toEqualTypeOf<Event>();
}

// A source of one's own: the item type comes from `key`.
interface Ticket {
  id: string;
  subject: string;
}
const tickets = defineCursorSource({
  provider: 'helpdesk',
  limits: { min: 1, max: 100, default: 25 },
  key: (t: Ticket) => t.id,
  request: ({ cursor, size }) => ({
    method: 'GET',
    path: '/tickets',
    query: cursor ? { size: String(size), after: cursor } : { size: String(size) },
  }),
  parse: (body) => ({
    items: readItems<Ticket>('helpdesk', body, 'data'),
    next: readCursor('helpdesk', body, 'next'),
  }),
});
expectTypeOf<ItemOf<typeof tickets>>().toEqualTypeOf<Ticket>();

// Adapters that default their key infer nothing from it: the item type is given once.
interface Reservation {
  Id: string;
}
expectTypeOf<ItemOf<ReturnType<typeof mewsGetAll<Reservation>>>>().toEqualTypeOf<Reservation>();
const people = offsetLimitSource({ path: '/people', key: (p: { id: number }) => String(p.id) });
expectTypeOf<ItemOf<typeof people>>().toEqualTypeOf<{ id: number }>();

// The controllers take their row type from the source: the memory caches, made without a type
// argument, do not turn it into `unknown`.
export function controllersInferRows() {
  const table = createPagedTable({ source: events, runner, cache: memoryPageCache() });
  expectTypeOf(table.getState().rows).toEqualTypeOf<Event[]>();
  const list = createInfiniteList({ source: events, runner, cache: memoryListCache() });
  expectTypeOf(list.getState().items).toEqualTypeOf<Event[]>();
}

// A source's parameters are checked where they are given: a typo in a filter is a compile error,
// not a filter silently dropped (a week's sync that reads the whole calendar).
const week = dingtalkTokenList({
  path: '/events',
  items: 'events',
  key: (e: Event) => e.id,
  params: (w: { from?: string; to?: string }) => ({ timeMin: w.from, timeMax: w.to }),
});
export function parameters() {
  paginate(week, { runner, params: { from: '2026-01-01', to: '2026-01-08' } });
  // @ts-expect-error `form` is not a parameter of this source
  paginate(week, { runner, params: { form: '2026-01-01' } });
  void runner.fetchPage(week, { cursor: null, params: { to: '2026-01-08' } });
  // @ts-expect-error `til` is not a parameter of this source
  void runner.fetchPage(week, { cursor: null, params: { til: '2026-01-08' } });
  createPagedTable({ source: week, runner, cache: memoryPageCache(), params: { from: 'a' } });
  // @ts-expect-error `form` is not a parameter of this source
  createPagedTable({ source: week, runner, cache: memoryPageCache(), params: { form: 'a' } });
  createInfiniteList({ source: week, runner, cache: memoryListCache(), params: { to: 'b' } });
  // @ts-expect-error `til` is not a parameter of this source
  createInfiniteList({ source: week, runner, cache: memoryListCache(), params: { til: 'b' } });
}
