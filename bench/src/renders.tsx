import { JSDOM } from 'jsdom';
import { type ReactElement, useEffect, useState } from 'react';

// A DOM for React, before React loads.
const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, {
  window: dom.window,
  document: dom.window.document,
  navigator: dom.window.navigator,
  HTMLElement: dom.window.HTMLElement,
  IS_REACT_ACT_ENVIRONMENT: true,
});

const { createRequestRunner, mewsGetAll, offsetLimitSource } = await import('@pagewise/core');
const { useInfiniteList, usePagedTable } = await import('@pagewise/react');
const { createGenericSimulator, createMewsSimulator, createSimulatorFetch, MEWS_CREDENTIALS } =
  await import('@pagewise/simulators');
const {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} = await import('@tanstack/react-query');
const { act, Profiler } = await import('react');
const { createRoot } = await import('react-dom/client');
const { fmt, ratio, table } = await import('./stats.js');

type Item = { id: number };
const TURNS = 10;

const generic = createGenericSimulator({ size: 10_000 });
const mews = createMewsSimulator({ sizes: { reservations: 10_000 } });
const fetchSim = createSimulatorFetch({
  'https://api.example.com': generic,
  'https://api.mews-demo.com': mews,
});
const runner = createRequestRunner({ baseUrl: 'https://api.example.com', fetch: fetchSim });
const mewsRunner = createRequestRunner({ baseUrl: 'https://api.mews-demo.com', fetch: fetchSim });
const items = offsetLimitSource<Item>({ path: '/items', total: 'total', key: (x) => String(x.id) });
const reservations = mewsGetAll<{ Id: string }>({
  entity: 'reservations',
  items: 'Reservations',
  credentials: {
    clientToken: MEWS_CREDENTIALS.clientToken,
    accessToken: MEWS_CREDENTIALS.accessToken,
  },
});

const fetchItems = async (pageIndex: number) =>
  (await (
    await fetchSim(`https://api.example.com/items?offset=${pageIndex * 20}&limit=20`)
  ).json()) as { items: Item[] };

const settle = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++)
    await act(async () => new Promise((r) => setTimeout(r, 2)));
  await act(async () => new Promise((r) => setTimeout(r, 20)));
};

async function measure(
  App: (props: { onCommit(): void; control: Record<string, unknown> }) => ReactElement,
  step: (control: Record<string, unknown>) => void,
  done: (control: Record<string, unknown>, turn: number) => boolean,
): Promise<number> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const client = new QueryClient();
  const control: Record<string, unknown> = {};
  let commits = 0;
  await act(async () =>
    root.render(
      <QueryClientProvider client={client}>
        <App onCommit={() => commits++} control={control} />
      </QueryClientProvider>,
    ),
  );
  await settle(() => done(control, 0));
  const counts: number[] = [];
  for (let turn = 1; turn <= TURNS; turn++) {
    commits = 0;
    await act(async () => step(control));
    await settle(() => done(control, turn));
    counts.push(commits);
  }
  await act(async () => root.unmount());
  container.remove();
  return counts.reduce((a, b) => a + b, 0) / counts.length;
}

function PagewiseTable({
  onCommit,
  control,
}: {
  onCommit(): void;
  control: Record<string, unknown>;
}) {
  const t = usePagedTable({ source: items, runner, pageSize: 20 });
  control.table = t;
  return (
    <Profiler id="pagewise" onRender={onCommit}>
      <ul>
        {t.rows.map((r) => (
          <li key={r.id}>{r.id}</li>
        ))}
      </ul>
    </Profiler>
  );
}
/**
 * TanStack Query page tables: the paginated-queries guide (useQuery + keepPreviousData, no
 * prefetch) and, with `prefetch`, its pagination example (the next page prefetched in an effect).
 */
function QueryTable({
  onCommit,
  control,
  prefetch,
}: {
  onCommit(): void;
  control: Record<string, unknown>;
  prefetch: boolean;
}) {
  const client = useQueryClient();
  const [pageIndex, setPageIndex] = useState(0);
  const q = useQuery({
    queryKey: ['plain', pageIndex],
    queryFn: () => fetchItems(pageIndex),
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    if (prefetch && !q.isPlaceholderData && q.data)
      void client.prefetchQuery({
        queryKey: ['plain', pageIndex + 1],
        queryFn: () => fetchItems(pageIndex + 1),
      });
  }, [q.data, q.isPlaceholderData, pageIndex, client, prefetch]);
  control.next = () => setPageIndex((p) => p + 1);
  control.first = q.data?.items[0]?.id;
  control.placeholder = q.isPlaceholderData;
  control.ahead = () => client.getQueryData(['plain', pageIndex + 1]) !== undefined;
  return (
    <Profiler id={prefetch ? 'recipe' : 'plain'} onRender={onCommit}>
      <ul>
        {(q.data?.items ?? []).map((r) => (
          <li key={r.id}>{r.id}</li>
        ))}
      </ul>
    </Profiler>
  );
}
function PagewiseList({
  onCommit,
  control,
}: {
  onCommit(): void;
  control: Record<string, unknown>;
}) {
  const l = useInfiniteList({ source: reservations, runner: mewsRunner, pageSize: 100 });
  control.list = l;
  return (
    <Profiler id="list" onRender={onCommit}>
      <ul>
        {l.items.map((r) => (
          <li key={r.Id}>{r.Id}</li>
        ))}
      </ul>
    </Profiler>
  );
}
function PlainList({ onCommit, control }: { onCommit(): void; control: Record<string, unknown> }) {
  const q = useInfiniteQuery({
    queryKey: ['plain-list'],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      (await await mewsRunner.fetchPage(reservations, { cursor: pageParam, size: 100 })) as {
        items: Array<{ Id: string }>;
        next: string | null;
      },
    getNextPageParam: (last) => last.next ?? undefined,
  });
  control.q = q;
  const all = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Profiler id="plain-list" onRender={onCommit}>
      <ul>
        {all.map((r) => (
          <li key={r.Id}>{r.Id}</li>
        ))}
      </ul>
    </Profiler>
  );
}

export async function rendersReport(): Promise<string> {
  type T = {
    table: {
      nextPage(): void;
      page?: { cursor: string | null };
      isPlaceholderData: boolean;
      canNextPage: boolean;
    };
  };
  const ours = await measure(
    PagewiseTable,
    (c) => (c as unknown as T).table.nextPage(),
    (c, turn) => {
      const t = (c as unknown as T).table;
      return t.page?.cursor === String(turn + 1) && !t.isPlaceholderData && t.canNextPage;
    },
  );
  const plain = await measure(
    (props) => <QueryTable {...props} prefetch={false} />,
    (c) => (c.next as () => void)(),
    (c, turn) => c.first === turn * 20 + 1 && c.placeholder === false,
  );
  const recipe = await measure(
    (props) => <QueryTable {...props} prefetch />,
    (c) => (c.next as () => void)(),
    (c, turn) =>
      c.first === turn * 20 + 1 &&
      c.placeholder === false &&
      !!(c.ahead as unknown as () => boolean)(),
  );
  type L = { list: { fetchNextPage(): Promise<void>; items: unknown[]; isFetching: boolean } };
  const list = await measure(
    PagewiseList,
    (c) => void (c as unknown as L).list.fetchNextPage(),
    (c, turn) =>
      (c as unknown as L).list.items.length === (turn + 1) * 100 &&
      !(c as unknown as L).list.isFetching,
  );
  type P = {
    q: { fetchNextPage(): Promise<unknown>; data?: { pages: unknown[] }; isFetching: boolean };
  };
  const plainList = await measure(
    PlainList,
    (c) => void (c as unknown as P).q.fetchNextPage(),
    (c, turn) =>
      (c as unknown as P).q.data?.pages.length === turn + 1 && !(c as unknown as P).q.isFetching,
  );
  return [
    `React Profiler commits, jsdom, simulators in memory (no latency); mean of ${TURNS} page turns / appended pages.`,
    '',
    table(
      ['component', 'Pagewise commits', 'peer commits', 'ratio', 'target'],
      [
        [
          'table, per page turn (usePagedTable, prefetch on)  vs  useQuery + keepPreviousData, no prefetch',
          fmt(ours),
          fmt(plain),
          ratio(ours, plain),
          ours <= 2 ? '≤ 2 met' : `≤ 2 missed (${fmt(ours)})`,
        ],
        [
          "table, per page turn (usePagedTable)  vs  TanStack Query's pagination example (the next page prefetched in an effect)",
          fmt(ours),
          fmt(recipe),
          ratio(ours, recipe),
          ours <= 2 ? '≤ 2 met' : `≤ 2 missed (${fmt(ours)})`,
        ],
        [
          'list, per appended page (useInfiniteList)  vs  raw useInfiniteQuery',
          fmt(list),
          fmt(plainList),
          ratio(list, plainList),
          list <= 2 ? '≤ 2 met' : `≤ 2 missed (${fmt(list)})`,
        ],
      ],
    ),
  ].join('\n');
}
