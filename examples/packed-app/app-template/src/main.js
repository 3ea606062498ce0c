// A user's app, written against the published packages only (no JSX build step needed).
import { createRequestRunner, offsetLimitSource } from '@pagewise/core';
import { defineCursorSource, readCursor, readItems } from '@pagewise/core/define';
import { useInfiniteList, usePagedTable, usePageRange } from '@pagewise/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { rowPaginationFeature, tableFeatures, useTable } from '@tanstack/react-table';
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The app's own backend, answered in the page: /api/people (offset/limit) and /api/feed (cursor).
const people = Array.from({ length: 95 }, (_, i) => ({ id: i + 1, name: `Person ${i + 1}` }));
async function backend(input) {
  const url = new URL(String(input), location.href);
  await new Promise((r) => setTimeout(r, 20));
  if (url.pathname === '/api/people') {
    const offset = Number(url.searchParams.get('offset'));
    const limit = Number(url.searchParams.get('limit'));
    return Response.json({ items: people.slice(offset, offset + limit), total: people.length });
  }
  const after = Number(url.searchParams.get('after') ?? 0);
  const items = people.slice(after, after + 30).map((p) => ({ ...p, name: `Post by ${p.name}` }));
  return Response.json({
    data: items,
    next: after + 30 < people.length ? String(after + 30) : null,
  });
}

const runner = createRequestRunner({ baseUrl: '/', fetch: backend });
const peopleSource = offsetLimitSource({
  path: '/api/people',
  total: 'total',
  key: (p) => String(p.id),
});
const feedSource = defineCursorSource({
  provider: 'feed',
  limits: { min: 1, max: 50, default: 30 },
  key: (p) => String(p.id),
  request: ({ cursor }) => ({
    method: 'GET',
    path: '/api/feed',
    query: cursor ? { after: cursor } : undefined,
  }),
  parse: (body) => ({
    items: readItems('feed', body, 'data'),
    next: readCursor('feed', body, 'next'),
  }),
});
const features = tableFeatures({ rowPaginationFeature });
const columns = [{ accessorKey: 'name', header: 'Name' }];

function PeopleTable() {
  const paged = usePagedTable({ source: peopleSource, runner, pageSize: 20 });
  const table = useTable({ features, columns, data: paged.rows, ...paged.tableOptions });
  const range = usePageRange(paged, { label: 'People pages' });
  return h(
    'section',
    null,
    h('h2', null, 'People'),
    h(
      'ul',
      { 'aria-label': 'people' },
      table.getRowModel().rows.map((row) => h('li', { key: row.id }, row.original.name)),
    ),
    h(
      'nav',
      range.getNavProps(),
      range.items.map((item) =>
        item.type === 'page'
          ? h(
              'button',
              { key: item.index, ...range.getPageProps(item.index), type: 'button' },
              String(item.index + 1),
            )
          : h('span', { key: item.position, ...range.getEllipsisProps() }, '…'),
      ),
      h('button', { type: 'button', ...range.getNextProps() }, 'Next'),
    ),
  );
}

function Feed() {
  const list = useInfiniteList({ source: feedSource, runner });
  return h(
    'section',
    null,
    h('h2', null, 'Feed'),
    h(
      'ul',
      { 'aria-label': 'feed' },
      list.items.map((p) => h('li', { key: p.id }, p.name)),
    ),
    h(
      'button',
      { type: 'button', disabled: !list.hasNextPage, onClick: () => list.fetchNextPage() },
      list.hasNextPage ? 'Load more' : 'The end',
    ),
  );
}

createRoot(document.getElementById('root')).render(
  h(
    StrictMode,
    null,
    h(QueryClientProvider, { client: new QueryClient() }, h(PeopleTable), h(Feed)),
  ),
);
