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
  // The controller's commands are its own bound fields: all but its state and binding methods.
  const {
    getState: _get,
    subscribe: _subscribe,
    setOptions: _set,
    load: _load,
    ...commands
  } = table;
  const pagination = { pageIndex: snapshot.pageIndex, pageSize: snapshot.pageSize };
  const setPageSize = state ? state.setPageSize : table.setPageSize;
  return {
    ...shown,
    ...commands,
    setPageSize,
    // A page pointed at while a search is typed would be a page of the last results: not fetched.
    prefetchPage: state?.searching ? () => {} : table.prefetchPage,
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
