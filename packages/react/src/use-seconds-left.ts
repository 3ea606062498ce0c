'use client';
import { type RetryWait, secondsLeft } from '@pagewise/core';
import { useEffect, useReducer } from 'react';

/**
 * The whole seconds before a waiting request is tried again, counting down: while `wait` is set
 * the component renders again each time the count changes (at the wait's own second marks, not
 * a free-running interval), and stops at 0. `undefined` when nothing waits. Give it a table's or
 * a list's `retrying`, for a status line:
 *
 * ```tsx
 * const seconds = useSecondsLeft(table.retrying);
 * seconds !== undefined && <p>Page {table.pageIndex + 1} is delayed: trying again in {seconds} s</p>
 * ```
 */
export function useSecondsLeft(wait: Pick<RetryWait, 'until'> | undefined): number | undefined {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const until = wait?.until;
  useEffect(() => {
    if (until === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const left = until - Date.now();
      if (left <= 0) return;
      // The count (⌈left / 1000⌉) drops as `left` crosses a whole second.
      timer = setTimeout(
        () => {
          tick();
          schedule();
        },
        left % 1000 || 1000,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [until]);
  return wait ? secondsLeft(wait) : undefined;
}
