import type { EllipsisPosition, PageRangeItem, PageRangeOptions } from '@pagewise/core/controllers';
import type { FocusEvent, KeyboardEvent, MouseEvent, PointerEvent } from 'react';

/** `usePageRange`'s options: the range's (labels, words, siblings) and how its buttons behave. */
export interface UsePageRangeOptions extends PageRangeOptions {
  /**
   * Disabled controls stay focusable (`aria-disabled`, not `disabled`), so a keyboard or screen
   * reader user reaches them and hears why they are disabled; a press does nothing, and focus
   * stays on a control that becomes disabled (Next on the last page). Style them with
   * `[aria-disabled="true"]` rather than `:disabled`. As MUI's and Base UI's
   * `focusableWhenDisabled`. @defaultValue false
   */
  focusableWhenDisabled?: boolean | undefined;
}

/** Props for a page-range `<button>`. */
export type PageButtonProps = {
  type: 'button';
  /** `false` with `focusableWhenDisabled` (then only `aria-disabled` says so). */
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
  /** A pointer that moved on the button is a sign of intent (a button that slid under a still pointer is not). */
  onPointerMove(event: PointerEvent): void;
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
  /** Pages and ellipses in order; a page beyond those known, from an estimated count, is `estimated`. */
  items: PageRangeItem[];
  /** Where the table is, in words: "Page 7 of 60", "Page 7 of about 60" (an estimate), "Page 7". */
  status: string;
  getNavProps(): { 'aria-label': string };
  getPageProps(pageIndex: number): PageButtonProps;
  getPreviousProps(): PageButtonProps;
  getNextProps(): PageButtonProps;
  getFirstProps(): PageButtonProps;
  getLastProps(): PageButtonProps;
  /**
   * Props for an ellipsis; pass its `position` and it names the pages it skips
   * ("Pages 6 to 4994 not shown"), else it is hidden from assistive technology.
   */
  getEllipsisProps(position?: EllipsisPosition): EllipsisProps;
  /** Why a page's button is disabled, or `undefined` when it is enabled. */
  pageDisabledReason(pageIndex: number): string | undefined;
}
