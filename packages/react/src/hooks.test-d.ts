// Type tests (compiled by `tsc -b` in `pnpm test`): item types flow from a source to `rows` and
// `items` without annotations.
import {
  createRequestRunner,
  dingtalkPageList,
  type FetchedPage,
  mewsGetAll,
} from '@pagewise/core';
import { expectTypeOf } from 'vitest';
import { type InfiniteList, type PagedTable, useInfiniteList, usePagedTable } from './index.js';

interface Adjustment {
  id: number;
  userName: string;
}
interface Reservation {
  Id: string;
  Number: string;
}
const runner = createRequestRunner({ baseUrl: '/api' });
const adjustments = dingtalkPageList({
  path: '/v1.0/attendance/adjustments',
  items: 'result.items',
  key: (a: Adjustment) => String(a.id),
});
const reservations = mewsGetAll<Reservation>({ entity: 'reservations', items: 'Reservations' });

export function Components() {
  const table = usePagedTable({ source: adjustments, runner });
  expectTypeOf(table).toEqualTypeOf<PagedTable<Adjustment>>();
  expectTypeOf(table.rows).toEqualTypeOf<Adjustment[]>();
  expectTypeOf(table.page).toEqualTypeOf<FetchedPage<Adjustment> | undefined>();
  const list = useInfiniteList({ source: reservations, runner });
  expectTypeOf(list).toEqualTypeOf<InfiniteList<Reservation>>();
  expectTypeOf(list.items).toEqualTypeOf<Reservation[]>();
  return null;
}
