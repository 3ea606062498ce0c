// A strict app (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes) written against the
// installed tarballs: the packed-app test type-checks it with `tsc --noEmit`.
import {
  type Cursor,
  createRequestRunner,
  defineTableState,
  pageNumberSource,
  type TableQuery,
} from '@pagewise/core';
import { defineCursorSource, readCount, readCursor, readItems } from '@pagewise/core/define';
import { PagewiseProvider, useInfiniteList, usePagedTable, useTableState } from '@pagewise/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';

interface Order {
  id: number;
  number: string;
  status: string;
}
interface Event {
  id: string;
  title: string;
}

const orders = pageNumberSource<Order, TableQuery>({
  path: '/api/orders',
  total: { header: 'X-Total-Count' },
  key: (o) => String(o.id),
  params: (q) => ({
    sort: q.sort.map((s) => (s.desc ? `-${s.id}` : s.id)).join(',') || undefined,
    status: typeof q.filters.status === 'string' ? q.filters.status : undefined,
    q: q.search || undefined,
  }),
});

// A source of one's own: `readCount` (number | undefined) goes straight into `total`, the
// cursor into an optional query field.
const events = defineCursorSource<Event, { since?: string }>({
  provider: 'events',
  limits: { min: 1, max: 100, default: 50 },
  key: (e) => e.id,
  request: ({ cursor, size, params }) => ({
    method: 'GET',
    path: '/api/events',
    query: { limit: String(size), after: cursor ?? undefined, since: params?.since },
  }),
  parse: (body) => ({
    items: readItems<Event>('events', body, 'data'),
    next: readCursor('events', body, 'next'),
    total: readCount('events', body, 'total'),
  }),
});

const features = tableFeatures({ rowPaginationFeature, rowSortingFeature, rowSelectionFeature });
const column = createColumnHelper<typeof features, Order>();
const columns = column.columns([
  column.accessor('number', { header: 'Number' }),
  column.accessor('status', { header: 'Status' }),
]);

// Defined once in a module the server can import too (framework-free, from @pagewise/core).
const ordersTable = defineTableState({
  url: true,
  sortable: ['number'],
  filterable: { status: ['open', 'closed'] },
});
const firstPage: number = ordersTable.pageOf({ page: '2', status: 'open' }).pageIndex;

function Orders() {
  const state = useTableState(ordersTable);
  // The state's sorting is TanStack Table's own type, in and out.
  const sortByNumber = () =>
    state.setSorting((old) => [...old, { id: 'number', desc: firstPage > 0 }]);
  const paged = usePagedTable({ source: orders, params: state.query, state });
  const table = useTable({ features, columns, data: paged.rows, ...paged.tableOptions });
  const first: Order | undefined = paged.rows[0];
  const cursor: Cursor | null | undefined = paged.cursorAt(paged.pageIndex);
  return [
    table.getRowModel().rows.length,
    first?.number,
    cursor,
    <button key="sort" type="button" onClick={sortByNumber}>
      Sort by number
    </button>,
  ];
}

function Events({ since }: { since?: string }) {
  const list = useInfiniteList({ source: events, params: since === undefined ? {} : { since } });
  return list.items.map((e) => e.title);
}

export function App() {
  const client = new QueryClient();
  const runner = createRequestRunner({ baseUrl: '/api', timeoutMs: 5000 });
  return (
    <QueryClientProvider client={client}>
      <PagewiseProvider runner={runner}>
        <Orders />
        <Events />
      </PagewiseProvider>
    </QueryClientProvider>
  );
}
