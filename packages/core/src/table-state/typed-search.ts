import type { TableUrlState } from './table-state-definition.js';

/**
 * A change the user makes while a search is still being typed (not yet applied: its pause not
 * over) takes the search with it, as one change: a page clicked within the pause is that page of
 * the search — its cursor, one of the old results', dropped — not a page the search then undoes.
 * A correction the table makes in place (`replace`) leaves the search to its pause.
 */
export function withTypedSearch(
  change: TableUrlState,
  applied: TableUrlState,
  typed: string,
  replace: boolean,
): TableUrlState {
  const pending = typed !== applied.globalFilter && change.globalFilter === applied.globalFilter;
  return pending && !replace ? { ...change, globalFilter: typed, cursor: undefined } : change;
}
