import { type RetryWait, secondsLeft, waitReason } from '@pagewise/core';
import { useEffect, useState } from 'react';

/**
 * "delayed (too many requests): trying again in 12 s" while a request waits to be tried again,
 * counting down each second; `undefined` when nothing waits.
 */
export function useRetryCountdown(wait: RetryWait | undefined): string | undefined {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!wait) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [wait]);
  if (!wait) return undefined;
  const seconds = secondsLeft(wait);
  return `delayed (${waitReason(wait)}): ${seconds > 0 ? `trying again in ${seconds} s` : 'trying again…'}`;
}
