'use client';
import {
  connectPageRange,
  type PageControl,
  type PageControlId,
  type Pager,
} from '@pagewise/core/controllers';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type {
  EllipsisProps,
  PageButtonProps,
  PageRange,
  UsePageRangeOptions,
} from './use-page-range.types.js';

/**
 * Page buttons with ellipses, as prop getters for a labelled `<nav>` of `<button>`s, over
 * `connectPageRange`: pass the table from `usePagedTable` (or a `Pager` of plain values) and the
 * buttons cannot disagree with it — a page it cannot reach is disabled with its reason,
 * Previous included. Focus is never dropped: when the focused button becomes disabled or leaves
 * the row, focus moves to the page requested or the nearest control still enabled (with
 * `focusableWhenDisabled`, it stays on a button that became disabled).
 */
export function usePageRange(pager: Pager, options: UsePageRangeOptions = {}): PageRange {
  const range = connectPageRange(pager, options);
  const elements = useRef(new Map<PageControlId, HTMLButtonElement>());
  const focused = useRef<PageControlId | null>(null);
  const focusTarget = useRef<PageControlId | null>(null);
  useEffect(() => {
    const at = focused.current;
    if (at === null) return;
    const element = elements.current.get(at);
    const wanted = focusTarget.current;
    const follow = wanted !== null && wanted !== at && !!elements.current.get(wanted)?.isConnected;
    if (element?.isConnected && !element.disabled && !follow) return;
    focusTarget.current = null;
    for (const candidate of range.focusOrder(wanted)) {
      const next = elements.current.get(candidate);
      if (next?.isConnected && !next.disabled) {
        focused.current = candidate;
        next.focus();
        return;
      }
    }
  });
  const onKeyDown = (event: KeyboardEvent) => {
    const to = range.keyTarget(event.key);
    if (to === undefined) return;
    event.preventDefault();
    focusTarget.current = to;
    range.page(to).press();
  };
  const button = (control: PageControl): PageButtonProps => {
    const { id, reason } = control;
    let moved = false;
    return {
      type: 'button',
      disabled: reason !== undefined && !options.focusableWhenDisabled,
      ...(reason !== undefined ? { 'aria-disabled': true as const, title: reason } : {}),
      'aria-label': control.label,
      ...(control.current ? { 'aria-current': 'page' as const } : {}),
      ...(control.busy ? { 'aria-busy': true as const } : {}),
      ref: (element) => {
        if (element) elements.current.set(id, element);
        else if (elements.current.get(id)?.isConnected === false) elements.current.delete(id);
      },
      onFocus: () => {
        focused.current = id;
        control.intend();
      },
      onPointerMove: () => {
        if (!moved) control.intend();
        moved = true;
      },
      onPointerDown: control.intend,
      onBlur: (event) => {
        // Focus moved on (to anything but this row's next render): stop keeping it.
        if (event.relatedTarget) {
          focused.current = null;
          focusTarget.current = null;
          return;
        }
        const element = event.currentTarget as HTMLButtonElement;
        queueMicrotask(() => {
          if (element.isConnected && !element.disabled && focused.current === id)
            focused.current = null;
        });
      },
      onClick: () => {
        if (typeof id === 'number') focusTarget.current = control.target;
        control.press();
      },
      onKeyDown,
    };
  };
  return {
    items: range.items,
    status: range.status,
    getNavProps: () => ({ 'aria-label': range.label }),
    getPageProps: (i) => button(range.page(i)),
    getPreviousProps: () => button(range.previous()),
    getNextProps: () => button(range.next()),
    getFirstProps: () => button(range.first()),
    getLastProps: () => button(range.last()),
    getEllipsisProps: (position): EllipsisProps => {
      const label = position && range.ellipsis(position);
      return label ? { role: 'separator', 'aria-label': label } : { 'aria-hidden': true };
    },
    pageDisabledReason: range.pageDisabledReason,
  };
}
