import { createRequestRunner, offsetLimitSource } from '@pagewise/core';
import { usePagedTable } from '@pagewise/react';
import {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  useQuery,
} from '@tanstack/react-query';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

type Item = { id: number; title: string; owner: string };
const runner = createRequestRunner({ baseUrl: '/api' });
const items = offsetLimitSource<Item>({ path: '/items', total: 'total', key: (x) => String(x.id) });

function Rows({ rows }: { rows: Item[] }) {
  return (
    <table>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.id}</td>
            <td>{r.title}</td>
            <td>{r.owner}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Pagewise: usePagedTable with its default next-page prefetch. */
function PagewiseTable() {
  const t = usePagedTable({ source: items, runner, initialPageSize: 20 });
  return (
    <>
      <Rows rows={t.rows} />
      <button id="next" type="button" onClick={t.nextPage}>
        Next
      </button>
    </>
  );
}

/** The usual recipe: useQuery + keepPreviousData, no prefetch. */
function PlainTable() {
  const [page, setPage] = useState(0);
  const q = useQuery({
    queryKey: ['items', page],
    queryFn: async () =>
      (await (await fetch(`/api/items?offset=${page * 20}&limit=20`)).json()) as { items: Item[] },
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Rows rows={q.data?.items ?? []} />
      <button id="next" type="button" onClick={() => setPage((p) => p + 1)}>
        Next
      </button>
    </>
  );
}

const mode = new URLSearchParams(location.search).get('mode');
createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    {mode === 'plain' ? <PlainTable /> : <PagewiseTable />}
  </QueryClientProvider>,
);
