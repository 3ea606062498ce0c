import type { PageRangeItem } from '@pagewise/core/controllers';
import type { KeyboardEvent, MouseEvent } from 'react';

export interface UsePageRangeOptions {
  /** The page requested (the one the controls move from). */
  pageIndex: number;
  /**
   * The page whose rows are on screen, when it differs from the one requested (loading, or
   * failed): it carries `aria-current="page"`, the requested one `aria-busy`. @default pageIndex
   */
  shownPageIndex?: number | undefined;
  /** `-1` when unknown. */
  pageCount: number;
  onPageChange(pageIndex: number): void;
  siblings?: number | undefined;
  boundaries?: number | undefined;
  /** With an unknown count: whether a next page exists. */
  hasMore?: boolean | undefined;
  canPreviousPage?: boolean | undefined;
  canNextPage?: boolean | undefined;
  /** Whether a page can be reached now (cursor sources cannot jump everywhere). */
  canGoToPage?(pageIndex: number): boolean;
  /** Accessible name of the navigation (default `Pagination`). */
  label?: string | undefined;
  /** Accessible name of a page button (default `Page N`). */
  pageLabel?(pageIndex: number): string;
}

/** Props for a page-range `<button>`. */
export type PageButtonProps = {
  type: 'button';
  disabled: boolean;
  'aria-disabled'?: true;
  'aria-label': string;
  'aria-current'?: 'page';
  'aria-busy'?: true;
  title?: string | undefined;
  onClick(event: MouseEvent): void;
  onKeyDown(event: KeyboardEvent): void;
};

export interface PageRange {
  items: PageRangeItem[];
  getNavProps(): { 'aria-label': string; role?: undefined };
  getPageProps(pageIndex: number): PageButtonProps;
  getPreviousProps(): PageButtonProps;
  getNextProps(): PageButtonProps;
  getFirstProps(): PageButtonProps;
  getLastProps(): PageButtonProps;
  getEllipsisProps(): { 'aria-hidden': true };
}
