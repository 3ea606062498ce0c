import { pagedTableQueryOptions } from '@pagewise/react';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { serverMews } from '../lib/server-sources';
import { TABLE_PAGE_SIZE } from '../lib/sources';
import { customersTable } from '../lib/tables';
import { CustomersTable } from './customers-table';

// Fetched per request (the data is live), never at build time.
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A server component: fetches the page the URL names (`?page=2&cursor=…`, written by the table
 * as the user pages) with the server's credentials, and hands it to the browser in the HTML.
 * `pagedTableQueryOptions` gives the key `usePagedTable` reads, so the table renders that page at
 * once and does not fetch it again.
 */
export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { runner, customers } = serverMews();
  const query = await searchParams;
  const queryClient = new QueryClient();
  // As prefetchQuery does, with the page at hand: a failed fetch renders the page without it.
  const page = await queryClient
    .fetchQuery(
      pagedTableQueryOptions({
        source: customers,
        runner,
        // The page, size and cursor the table reads from this URL, read the same way.
        state: customersTable,
        search: query,
        pageSize: TABLE_PAGE_SIZE,
      }),
    )
    .catch(() => undefined);
  // What the table cannot open as asked (`?page=abc`, a size not offered, a page past the end)
  // is redirected before anything renders, as the browser would correct it.
  const fixed = customersTable.correct(query, page);
  if (fixed !== undefined) redirect(`/${fixed}`);
  return (
    <main>
      <h1>Customers</h1>
      {/* Router links: the table follows them (no remount), and writes the URL back through them. */}
      <p>
        <Link href="/">First page</Link> · <Link href="/?size=20">20 per page</Link>
      </p>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CustomersTable />
      </HydrationBoundary>
    </main>
  );
}
