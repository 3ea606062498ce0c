import {
  type CursorSource,
  createRequestRunner,
  mewsGetAll,
  offsetLimitSource,
  type PageNumberSource,
  type RequestRunner,
} from '@pagewise/core';
import { usePagedTable, usePageRange } from '@pagewise/react';
import {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type ButtonHTMLAttributes, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The page-turn benchmark's app: one shell (a table of 20 rows, Next and a "Page 6" button), one
 * rendering, and what fills it — `?mode=pagewise` (usePagedTable + usePageRange), `recipe`
 * (TanStack Query's pagination example: useQuery + keepPreviousData + the next page prefetched in
 * an effect) or `plain` (TanStack's paginated-queries guide: useQuery + keepPreviousData, no
 * prefetch) — over `?api=offset` (the generic offset/limit simulator at `/api`) or `mews` (the
 * Mews simulator at `/mews`, a cursor API; the server adds the tokens, as an app's backend does).
 */

const SIZE = 20;

interface Item {
  id: number;
  title: string;
  owner: string;
}
interface Reservation {
  Id: string;
  Number: string;
  State: string;
  StartUtc: string;
}

/** A row as the shell renders it: the source's key (read by the benchmark) and three cells. */
interface Row {
  key: string;
  cells: [string, string, string];
}
const itemRow = (x: Item): Row => ({ key: String(x.id), cells: [String(x.id), x.title, x.owner] });
const reservationRow = (x: Reservation): Row => ({
  key: x.Id,
  cells: [x.Number, x.State, x.StartUtc.slice(0, 10)],
});

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  ref?: ((element: HTMLButtonElement | null) => void) | undefined;
};

/** The same markup for every mode. */
function Shell(props: { rows: Row[]; page: number; next: ButtonProps; page6: ButtonProps }) {
  return (
    <main>
      <table>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <td>{r.cells[0]}</td>
              <td>{r.cells[1]}</td>
              <td>{r.cells[2]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Page {props.page + 1}</p>
      <nav aria-label="Pagination">
        <button {...props.next} id="next" type="button">
          Next page
        </button>{' '}
        <button {...props.page6} id="page6" type="button">
          6
        </button>
      </nav>
    </main>
  );
}

// ── Pagewise ────────────────────────────────────────────────────────────────────────────────

const offsetItems = offsetLimitSource<Item>({
  path: '/items',
  total: 'total',
  key: (x) => String(x.id),
});
const mewsReservations = mewsGetAll<Reservation>({ entity: 'reservations', items: 'Reservations' });
const offsetRunner = createRequestRunner({ baseUrl: '/api' });
const mewsRunner = createRequestRunner({ baseUrl: '/mews' });

/**
 * usePagedTable with its defaults (adaptive prefetch), page controls from usePageRange as an app
 * using the kit's controls wires them: its buttons' props report signs of intent (pointer over,
 * focus, pointer down) to `onPageIntent`, here `prefetchPage`.
 */
function PagewiseTable<T>(props: {
  source: PageNumberSource<T> | CursorSource<T>;
  runner: RequestRunner;
  toRow(item: T): Row;
}) {
  const t = usePagedTable({ source: props.source, runner: props.runner, pageSize: SIZE });
  const range = usePageRange(t);
  return (
    <Shell
      rows={t.rows.map(props.toRow)}
      page={t.pageIndex}
      next={range.getNextProps()}
      page6={range.getPageProps(5)}
    />
  );
}

// ── TanStack Query's recipe, offset/limit API ───────────────────────────────────────────────
// Mirrored from TanStack/query examples/react/pagination (src/pages/index.tsx): the answer says
// whether there is more (`hasMore`, here from the API's `total`), the next page is prefetched in
// an effect once the page shown is not a placeholder, Next is disabled while it is.

interface ItemsPage {
  items: Item[];
  total: number;
  hasMore: boolean;
}

const fetchItems = async (page = 0): Promise<ItemsPage> => {
  const response = await fetch(`/api/items?offset=${page * SIZE}&limit=${SIZE}`);
  const body = (await response.json()) as { items: Item[]; total: number };
  return { ...body, hasMore: (page + 1) * SIZE < body.total };
};

function RecipeOffset({ prefetch }: { prefetch: boolean }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const { data, isPlaceholderData } = useQuery({
    queryKey: ['items', page],
    queryFn: () => fetchItems(page),
    placeholderData: keepPreviousData,
    // The example's; the guide's recipe without prefetch has none.
    staleTime: prefetch ? 5000 : 0,
  });
  // Prefetch the next page!
  useEffect(() => {
    if (prefetch && !isPlaceholderData && data?.hasMore) {
      void queryClient.prefetchQuery({
        queryKey: ['items', page + 1],
        queryFn: () => fetchItems(page + 1),
      });
    }
  }, [data, isPlaceholderData, page, queryClient, prefetch]);
  return (
    <Shell
      rows={(data?.items ?? []).map(itemRow)}
      page={page}
      next={{
        onClick: () => setPage((old) => (data?.hasMore ? old + 1 : old)),
        disabled: isPlaceholderData || !data?.hasMore,
      }}
      page6={{ onClick: () => setPage(5) }}
    />
  );
}

// ── TanStack Query's recipe, cursor API (Mews) ──────────────────────────────────────────────
// The same example over a cursor API, as a user would write it: page n starts at the `Cursor` of
// page n − 1's answer, read from the query cache — or fetched first, so a jump walks page by page.

interface ReservationsPage {
  Reservations: Reservation[];
  Cursor: string | null;
  hasMore: boolean;
}

const fetchReservations = async (cursor: string | null): Promise<ReservationsPage> => {
  const response = await fetch('/mews/api/connector/v1/reservations/getAll', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Client: 'Bench 1.0', Limitation: { Cursor: cursor, Count: SIZE } }),
  });
  const body = (await response.json()) as Omit<ReservationsPage, 'hasMore'>;
  return { ...body, hasMore: body.Cursor !== null && body.Reservations.length === SIZE };
};

const fetchReservationsPage = async (
  client: QueryClient,
  page: number,
): Promise<ReservationsPage> => {
  if (page === 0) return fetchReservations(null);
  const before = await client.ensureQueryData({
    queryKey: ['reservations', page - 1],
    queryFn: () => fetchReservationsPage(client, page - 1),
  });
  return fetchReservations(before.Cursor);
};

function RecipeCursor({ prefetch }: { prefetch: boolean }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const { data, isPlaceholderData } = useQuery({
    queryKey: ['reservations', page],
    queryFn: () => fetchReservationsPage(queryClient, page),
    placeholderData: keepPreviousData,
    staleTime: prefetch ? 5000 : 0,
  });
  // Prefetch the next page!
  useEffect(() => {
    if (prefetch && !isPlaceholderData && data?.hasMore) {
      void queryClient.prefetchQuery({
        queryKey: ['reservations', page + 1],
        queryFn: () => fetchReservationsPage(queryClient, page + 1),
      });
    }
  }, [data, isPlaceholderData, page, queryClient, prefetch]);
  return (
    <Shell
      rows={(data?.Reservations ?? []).map(reservationRow)}
      page={page}
      next={{
        onClick: () => setPage((old) => (data?.hasMore ? old + 1 : old)),
        disabled: isPlaceholderData || !data?.hasMore,
      }}
      page6={{ onClick: () => setPage(5) }}
    />
  );
}

// ── The app ─────────────────────────────────────────────────────────────────────────────────

const search = new URLSearchParams(location.search);
const mode = search.get('mode') ?? 'pagewise';
const api = search.get('api') ?? 'offset';

function App() {
  if (mode === 'pagewise')
    return api === 'mews' ? (
      <PagewiseTable source={mewsReservations} runner={mewsRunner} toRow={reservationRow} />
    ) : (
      <PagewiseTable source={offsetItems} runner={offsetRunner} toRow={itemRow} />
    );
  const prefetch = mode === 'recipe';
  return api === 'mews' ? (
    <RecipeCursor prefetch={prefetch} />
  ) : (
    <RecipeOffset prefetch={prefetch} />
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    <App />
  </QueryClientProvider>,
);
