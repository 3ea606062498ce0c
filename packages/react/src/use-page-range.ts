'use client';
import { type PageRangeItem, pageRange } from '@pagewise/core/controllers';
import { type FocusEvent, type KeyboardEvent, useEffect, useRef } from 'react';
import type {
  EllipsisProps,
  PageButtonProps,
  PageRange,
  UsePageRangeOptions,
} from './use-page-range.types.js';

type Control = 'first' | 'previous' | 'next' | 'last' | number;

/**
 * Page buttons with ellipses, as prop getters for a labelled `<nav>` of `<button>`s: the page on
 * screen carries `aria-current="page"` (the one loading, `aria-busy`), unreachable pages are
 * disabled with their reason as the button's description, ellipses say which pages they skip,
 * and Home/End on any button go to the first and last page.
 *
 * Focus is never dropped: when the focused button becomes disabled (Next on the last page) or
 * leaves the row (Home/End, a jump), focus moves to the button of the page requested, or the
 * nearest control still enabled — as a user of a keyboard or a screen reader expects.
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
  const reason = (i: number): string | undefined => {
    if (i < 0) return 'there is no page before the first';
    if (lastIndex !== undefined && i > lastIndex) return 'there is no page after the last';
    const given = options.pageDisabledReason?.(i);
    if (given !== undefined) return given;
    return (options.canGoToPage?.(i) ?? true) ? undefined : 'this page cannot be reached yet';
  };
  const reachable = (i: number) => reason(i) === undefined;

  // Focus keeping: the control that has focus, the elements of the controls, and where focus
  // goes after a key moved the page.
  const elements = useRef(new Map<Control, HTMLButtonElement>());
  const focused = useRef<Control | null>(null);
  const focusTarget = useRef<number | null>(null);
  useEffect(() => {
    const at = focused.current;
    if (at === null) return;
    const element = elements.current.get(at);
    const lost = !element?.isConnected || element.disabled;
    const wanted = focusTarget.current;
    const follow = wanted !== null && wanted !== at && !!elements.current.get(wanted)?.isConnected;
    if (!lost && !follow) return;
    focusTarget.current = null;
    const candidates: Control[] = [
      ...(wanted !== null ? [wanted] : []),
      pageIndex,
      shown,
      'next',
      'previous',
      'first',
      'last',
    ];
    for (const candidate of candidates) {
      const next = elements.current.get(candidate);
      if (next?.isConnected && !next.disabled) {
        focused.current = candidate;
        next.focus();
        return;
      }
    }
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? lastIndex : undefined;
    if (to === undefined || !reachable(to)) return;
    event.preventDefault();
    focusTarget.current = to;
    if (to !== pageIndex) options.onPageChange(to);
  };
  const button = (
    control: Control,
    target: number,
    label: string,
    disabledBecause: string | undefined,
    current = false,
  ): PageButtonProps => {
    // A sign the user may go there (pointer over, focus, press): the page can be fetched early.
    const intent = () => {
      if (disabledBecause === undefined && target !== pageIndex) options.onPageIntent?.(target);
    };
    return {
      type: 'button',
      disabled: disabledBecause !== undefined,
      ...(disabledBecause !== undefined
        ? { 'aria-disabled': true as const, title: disabledBecause }
        : {}),
      'aria-label': label,
      ...(current ? { 'aria-current': 'page' as const } : {}),
      ref: (element: HTMLButtonElement | null) => {
        if (element) elements.current.set(control, element);
        else if (elements.current.get(control)?.isConnected === false)
          elements.current.delete(control);
      },
      onFocus: () => {
        focused.current = control;
        intent();
      },
      onPointerEnter: intent,
      onPointerDown: intent,
      onBlur: (event: FocusEvent) => {
        // Focus moved on (to anything but this row's next render): stop keeping it.
        if (event.relatedTarget) {
          focused.current = null;
          focusTarget.current = null;
        } else {
          const element = event.currentTarget as HTMLButtonElement;
          queueMicrotask(() => {
            if (element.isConnected && !element.disabled && focused.current === control)
              focused.current = null;
          });
        }
      },
      onClick: () => {
        if (disabledBecause === undefined && target !== pageIndex) {
          if (typeof control === 'number') focusTarget.current = target;
          options.onPageChange(target);
        }
      },
      onKeyDown,
    };
  };
  const pageLabel = options.pageLabel ?? ((i: number) => `Page ${i + 1}`);
  const previousReason =
    pageIndex <= 0
      ? 'this is the first page'
      : options.canPreviousPage === false
        ? (reason(pageIndex - 1) ?? 'the previous page cannot be reached')
        : undefined;
  const atEnd = lastIndex !== undefined ? pageIndex >= lastIndex : !options.hasMore;
  const nextBlocked = options.canNextPage !== undefined ? !options.canNextPage : atEnd;
  const nextReason = !nextBlocked
    ? undefined
    : atEnd
      ? 'this is the last page'
      : (options.pageDisabledReason?.(pageIndex + 1) ?? 'the next page is not known yet');
  const ellipsisLabel = (position: 'start' | 'end') => {
    const at = items.findIndex((item) => item.type === 'ellipsis' && item.position === position);
    const before = items[at - 1] as Extract<PageRangeItem, { type: 'page' }> | undefined;
    const after = items[at + 1] as Extract<PageRangeItem, { type: 'page' }> | undefined;
    if (at < 0 || !before) return undefined;
    const from = before.index + 2;
    if (!after) return `More pages after page ${before.index + 1}`;
    const to = after.index;
    return from === to ? `Page ${from} not shown` : `Pages ${from} to ${to} not shown`;
  };
  return {
    items,
    getNavProps: () => ({ 'aria-label': options.label ?? 'Pagination' }),
    getPageProps: (i) => {
      const props = button(
        i,
        i,
        pageLabel(i),
        i === shown || i === pageIndex ? undefined : reason(i),
        i === shown,
      );
      return i === pageIndex && i !== shown ? { ...props, 'aria-busy': true } : props;
    },
    getPreviousProps: () => button('previous', pageIndex - 1, 'Previous page', previousReason),
    getNextProps: () => button('next', pageIndex + 1, 'Next page', nextReason),
    getFirstProps: () =>
      button('first', 0, 'First page', pageIndex > 0 ? reason(0) : 'this is the first page'),
    getLastProps: () =>
      button(
        'last',
        lastIndex ?? pageIndex,
        'Last page',
        lastIndex === undefined
          ? 'the number of pages is not known yet'
          : pageIndex >= lastIndex
            ? 'this is the last page'
            : reason(lastIndex),
      ),
    getEllipsisProps: (position?: 'start' | 'end'): EllipsisProps => {
      const label = position && ellipsisLabel(position);
      return label ? { role: 'separator', 'aria-label': label } : { 'aria-hidden': true };
    },
    pageDisabledReason: (i) => (i === shown || i === pageIndex ? undefined : reason(i)),
  };
}
