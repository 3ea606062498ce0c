'use client';
import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` every `interval` ms while the page is visible and the browser online, and at
 * once when it becomes visible or comes back online; nothing when `interval` is undefined. A
 * hidden tab or an offline laptop sends no request.
 */
export function useLiveEdge(interval: number | undefined, refresh: () => Promise<void>): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (interval === undefined || !(interval > 0) || typeof document === 'undefined') return;
    const active = () =>
      document.visibilityState !== 'hidden' &&
      (typeof navigator === 'undefined' || navigator.onLine !== false);
    const tick = () => {
      if (active()) void latest.current();
    };
    const timer = setInterval(tick, interval);
    const wake = () => {
      if (active()) void latest.current();
    };
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', wake);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('online', wake);
    };
  }, [interval]);
}
