import { isAmount, isCount, need } from '../option-check.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy.js';
import type { RequestRunnerOptions } from './runner-types.js';

/**
 * The runner's options, checked once when it is created, and its retry policy: each retry field
 * given replaces its default, one left out or `undefined` keeps it. A base URL no request can be
 * sent to (neither an absolute http(s) URL nor a path such as `/api`), a count that is not a
 * whole number (`retries: NaN` would retry without end) or a delay that is not a finite number
 * is `INVALID_OPTION`, before anything is sent.
 */
export function runnerRetryPolicy(options: RequestRunnerOptions): RetryPolicy {
  const { baseUrl, timeoutMs, retry = {} } = options;
  const at = 'pagewise';
  need(
    typeof baseUrl === 'string' && sendable(baseUrl),
    at,
    'baseUrl',
    baseUrl,
    'an http(s) URL or a path',
  );
  need(isAmount(timeoutMs, Number.POSITIVE_INFINITY), at, 'timeoutMs', timeoutMs, 'a number ≥ 0');
  need(
    isCount(options.maxRedirects, 0),
    at,
    'maxRedirects',
    options.maxRedirects,
    'a whole number ≥ 0',
  );
  need(
    isAmount(options.maxResponseBytes, Number.POSITIVE_INFINITY),
    at,
    'maxResponseBytes',
    options.maxResponseBytes,
    'a number ≥ 0',
  );
  need(isCount(retry.retries, 0), at, 'retry.retries', retry.retries, 'a whole number ≥ 0');
  need(
    isAmount(retry.baseDelayMs),
    at,
    'retry.baseDelayMs',
    retry.baseDelayMs,
    'a finite number ≥ 0',
  );
  need(isAmount(retry.maxDelayMs), at, 'retry.maxDelayMs', retry.maxDelayMs, 'a finite number ≥ 0');
  return {
    retries: retry.retries ?? DEFAULT_RETRY.retries,
    baseDelayMs: retry.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: retry.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
  };
}

function sendable(baseUrl: string): boolean {
  if (/^\/(?![/\\])\S*$/.test(baseUrl)) return true;
  try {
    return /^https?:$/.test(new URL(baseUrl).protocol);
  } catch {
    return false;
  }
}
