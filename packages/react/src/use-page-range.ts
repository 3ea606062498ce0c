'use client';
import { pageRange } from '@pagewise/core/controllers';
import type { KeyboardEvent } from 'react';
import type { PageButtonProps, PageRange, UsePageRangeOptions } from './use-page-range.types.js';

/**
 * Page buttons with ellipses, as prop getters for a labelled `<nav>` of `<button>`s: the current
 * page carries `aria-current="page"`, unreachable ones are disabled, all are keyboard operable
 * (native buttons; Home/End on any of them go to the first and last page).
 */
export function usePageRange(options: UsePageRangeOptions): PageRange {
  const { pageIndex, pageCount } = options;
  const shown = options.shownPageIndex ?? pageIndex;
  const items = pageRange({
    pageIndex,
    pageCount,
    siblings: options.siblings,
    boundaries: options.boundaries,
    hasMore: options.hasMore,
  });
  const lastIndex = pageCount > 0 ? pageCount - 1 : undefined;
  const reachable = (i: number) =>
    i >= 0 && (lastIndex === undefined || i <= lastIndex) && (options.canGoToPage?.(i) ?? true);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Home' && reachable(0)) {
      event.preventDefault();
      options.onPageChange(0);
    } else if (event.key === 'End' && lastIndex !== undefined && reachable(lastIndex)) {
      event.preventDefault();
      options.onPageChange(lastIndex);
    }
  };
  const button = (
    target: number,
    label: string,
    enabled: boolean,
    current = false,
  ): PageButtonProps => ({
    type: 'button',
    disabled: !enabled,
    ...(enabled ? {} : { 'aria-disabled': true as const }),
    'aria-label': label,
    ...(current ? { 'aria-current': 'page' as const } : {}),
    onClick: () => {
      if (enabled && target !== pageIndex) options.onPageChange(target);
    },
    onKeyDown,
  });
  const pageLabel = options.pageLabel ?? ((i: number) => `Page ${i + 1}`);
  const canPrevious = options.canPreviousPage ?? pageIndex > 0;
  const canNext =
    options.canNextPage ?? (lastIndex === undefined ? !!options.hasMore : pageIndex < lastIndex);
  return {
    items,
    getNavProps: () => ({ 'aria-label': options.label ?? 'Pagination' }),
    getPageProps: (i) => {
      const props = button(
        i,
        pageLabel(i),
        i === shown || i === pageIndex || reachable(i),
        i === shown,
      );
      return i === pageIndex && i !== shown ? { ...props, 'aria-busy': true } : props;
    },
    getPreviousProps: () => button(pageIndex - 1, 'Previous page', canPrevious),
    getNextProps: () => button(pageIndex + 1, 'Next page', canNext),
    getFirstProps: () => button(0, 'First page', pageIndex > 0),
    getLastProps: () =>
      button(
        lastIndex ?? pageIndex,
        'Last page',
        lastIndex !== undefined && pageIndex < lastIndex && reachable(lastIndex),
      ),
    getEllipsisProps: () => ({ 'aria-hidden': true }),
  };
}
