import { type RetryWait, waitReason } from '@pagewise/core';
import { useSecondsLeft } from '@pagewise/react';

/**
 * "delayed (too many requests): trying again in 12 s" while a request waits to be tried again,
 * counting down each second; `undefined` when nothing waits.
 */
export function useRetryCountdown(wait: RetryWait | undefined): string | undefined {
  const seconds = useSecondsLeft(wait);
  if (!wait || seconds === undefined) return undefined;
  return `delayed (${waitReason(wait)}): ${seconds > 0 ? `trying again in ${seconds} s` : 'trying again…'}`;
}
