'use client';
import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `delayMs` (a search box's text, say). */
export function useDebouncedValue<V>(value: V, delayMs = 300): V {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs]);
  return settled;
}
