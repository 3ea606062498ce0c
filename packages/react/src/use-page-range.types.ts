import type { PageRangeItem } from '@pagewise/core/controllers';
import type { FocusEvent, KeyboardEvent, MouseEvent, PointerEvent } from 'react';

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
  /** Pages shown on each side of the current one. @defaultValue 1 */
  siblings?: number | undefined;
  /** Pages always shown at each end. @defaultValue 1 */
  boundaries?: number | undefined;
  /** With an unknown count: whether a next page exists. @defaultValue false */
  hasMore?: boolean | undefined;
  /** `false` disables Previous. @defaultValue `pageIndex > 0` */
  canPreviousPage?: boolean | undefined;
  /**
   * Whether Next is enabled.
   * @defaultValue `pageIndex < pageCount - 1`; `hasMore` when the count is unknown (or 0)
   */
  canNextPage?: boolean | undefined;
  /**
   * Whether a page can be reached now (cursor sources cannot jump everywhere).
   * @defaultValue every page within the count
   */
  canGoToPage?(pageIndex: number): boolean;
  /**
   * Why a page cannot be reached now (`usePagedTable`'s `pageDisabledReason`): a disabled
   * button gets it as its description (`title`), which screen readers read with the button.
   * @defaultValue none — `canGoToPage` decides, with a generic reason
   */
  pageDisabledReason?(pageIndex: number): string | undefined;
  /** Accessible name of the navigation. @defaultValue 'Pagination' */
  label?: string | undefined;
  /** Accessible name of a page button. @defaultValue `Page N`, counting from 1 */
  pageLabel?(pageIndex: number): string;
  /**
   * A sign the user may go to a page — the pointer over its button (or Next, Previous, First,
   * Last), focus on it, a press starting — for fetching it early: pass `usePagedTable`'s
   * `prefetchPage`.
   * @defaultValue none — no early fetch
   */
  onPageIntent?(pageIndex: number): void;
}

/** Props for a page-range `<button>`. */
export type PageButtonProps = {
  type: 'button';
  disabled: boolean;
  'aria-disabled'?: true;
  'aria-label': string;
  'aria-current'?: 'page';
  'aria-busy'?: true;
  /** Why the button is disabled: its accessible description. */
  title?: string | undefined;
  /** Lets the range keep focus when this button becomes disabled or leaves the row. */
  ref(element: HTMLButtonElement | null): void;
  onFocus(event: FocusEvent): void;
  /** Signs of intent (see `onPageIntent`). */
  onPointerEnter(event: PointerEvent): void;
  onPointerDown(event: PointerEvent): void;
  onBlur(event: FocusEvent): void;
  onClick(event: MouseEvent): void;
  onKeyDown(event: KeyboardEvent): void;
};

/** Props for an ellipsis: with its position, a separator naming the pages it skips. */
export type EllipsisProps =
  | { role: 'separator'; 'aria-label': string; 'aria-hidden'?: undefined }
  | { 'aria-hidden': true; role?: undefined; 'aria-label'?: undefined };

export interface PageRange {
  items: PageRangeItem[];
  getNavProps(): { 'aria-label': string; role?: undefined };
  getPageProps(pageIndex: number): PageButtonProps;
  getPreviousProps(): PageButtonProps;
  getNextProps(): PageButtonProps;
  getFirstProps(): PageButtonProps;
  getLastProps(): PageButtonProps;
  /**
   * Props for an ellipsis; pass its `position` and it names the pages it skips
   * ("Pages 6 to 4994 not shown"), else it is hidden from assistive technology.
   */
  getEllipsisProps(position?: 'start' | 'end'): EllipsisProps;
  /** Why a page's button is disabled, or `undefined` when it is enabled. */
  pageDisabledReason(pageIndex: number): string | undefined;
}
