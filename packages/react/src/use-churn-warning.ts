'use client';
import { useEffect, useRef } from 'react';
import { isDevelopment } from './is-development.js';

/**
 * Warns once, in development, when a hook's cache key changes on nearly every render: a source
 * whose first request differs each time (a timestamp in it) or parameters rebuilt with new values
 * each render. Each such key is a new list, fetched again.
 */
export function useChurnWarning(key: string, hook: string): void {
  const changes = useRef<number[]>([]);
  const warned = useRef(false);
  useEffect(() => {
    if (warned.current || !isDevelopment()) return;
    const now = Date.now();
    changes.current = [...changes.current.filter((t) => now - t < 2000), now];
    if (changes.current.length > 10) {
      warned.current = true;
      console.warn(
        `[pagewise] ${hook}: the source or its params changed ${changes.current.length} times in 2 s, each a new list fetched again. Build the source once (module scope or useMemo) and keep params equal between renders (a new object with equal values is fine); the key now is ${key}`,
      );
    }
  }, [key, hook]);
}
