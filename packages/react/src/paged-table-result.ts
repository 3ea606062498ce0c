import type { PagedTableController, PagedTableState } from '@pagewise/core/controllers';
import type { PaginationState, Updater } from '@tanstack/react-table';
import type { PagedTable } from './use-paged-table.types.js';
import type { TableState } from './use-table-state.js';

/**
 * What `usePagedTable` hands the app for one state of its controller: the state, the
 * controller's bound commands (the page size through the table state when there is one, so it
 * reaches the URL), and the options TanStack Table's `useTable` takes.
 */
export function pagedTableResult<T>(
  snapshot: PagedTableState<T>,
  table: PagedTableController<T>,
  state: TableState | undefined,
): PagedTable<T> {
  const { wanted: _wanted, ...shown } = snapshot;
  const pagination = { pageIndex: snapshot.pageIndex, pageSize: snapshot.pageSize };
  const setPageSize = state ? state.setPageSize : table.setPageSize;
  return {
    ...shown,
    setPageIndex: table.setPageIndex,
    nextPage: table.nextPage,
    previousPage: table.previousPage,
    firstPage: table.firstPage,
    lastPage: table.lastPage,
    setPageSize,
    prefetchPage: table.prefetchPage,
    retry: table.retry,
    refetch: table.refetch,
    pageDisabledReason: table.pageDisabledReason,
    cursorAt: table.cursorAt,
    itemKey: table.itemKey,
    tableOptions: {
      ...state?.tableOptions,
      manualPagination: true,
      pageCount: snapshot.pageCount,
      ...(snapshot.rowCount === undefined ? {} : { rowCount: snapshot.rowCount }),
      getRowId: table.itemKey,
      state: { ...state?.tableOptions.state, pagination },
      onPaginationChange: (updater: Updater<PaginationState>) => {
        const next = typeof updater === 'function' ? updater(pagination) : updater;
        if (next.pageSize !== snapshot.pageSize) setPageSize(next.pageSize);
        else if (next.pageIndex === snapshot.pageIndex + 1) table.nextPage();
        else table.setPageIndex(next.pageIndex);
      },
    },
  };
}
