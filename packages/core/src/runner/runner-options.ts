import { isAmount, isCount, need } from '../option-check.js';
import { warnOnce } from '../shared/is-development.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy.js';
import type { RequestRunnerOptions } from './runner-types.js';

/**
 * The runner's options, checked once when it is created, and its retry policy: each retry field
 * given replaces its default, one left out or `undefined` keeps it. A base URL no request can be
 * sent to (not a string, blanks inside, a scheme other than http(s)), a count that is not a whole
 * number (`retries: NaN` would retry without end) or a delay that is `NaN` or negative is
 * `INVALID_OPTION`, before anything is sent. `Infinity` means no limit wherever a limit is set.
 */
export function runnerRetryPolicy(options: RequestRunnerOptions): RetryPolicy {
  const { baseUrl, timeoutMs, retry = {} } = options;
  const at = 'pagewise';
  need(sendable(baseUrl), at, 'baseUrl', baseUrl, 'an http(s) URL or a path');
  need(isAmount(timeoutMs), at, 'timeoutMs', timeoutMs, 'a number ≥ 0');
  need(
    isCount(options.maxRedirects, 0),
    at,
    'maxRedirects',
    options.maxRedirects,
    'a whole number ≥ 0',
  );
  need(
    isAmount(options.maxResponseBytes) && options.maxResponseBytes !== 0,
    at,
    'maxResponseBytes',
    options.maxResponseBytes,
    'a number > 0 (Infinity: no limit)',
  );
  need(isCount(retry.retries, 0), at, 'retry.retries', retry.retries, 'a whole number ≥ 0');
  need(isAmount(retry.baseDelayMs), at, 'retry.baseDelayMs', retry.baseDelayMs, 'a number ≥ 0');
  need(isAmount(retry.maxDelayMs), at, 'retry.maxDelayMs', retry.maxDelayMs, 'a number ≥ 0');
  return {
    retries: retry.retries ?? DEFAULT_RETRY.retries,
    baseDelayMs: retry.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: retry.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
  };
}

/** A URL a request can go to: absolute http(s), or relative to the page (`/api`, `api/mews`). */
function sendable(baseUrl: unknown): boolean {
  if (typeof baseUrl !== 'string' || /\s/.test(baseUrl.trim())) return false;
  try {
    return /^https?:$/.test(new URL(baseUrl.trim(), 'http://relative.invalid').protocol);
  } catch {
    return false;
  }
}

/**
 * Says in development which options the runner does not know (`retries` given where it reads
 * `retry.retries`): left as they are, they would do nothing, silently. Call it behind
 * `process.env.NODE_ENV !== 'production'`.
 */
export function warnUnknownOptions(options: RequestRunnerOptions): void {
  // Here, not at the top of the module: a production bundle drops them with the function.
  const known = new Set([
    'baseUrl',
    'linkBaseUrl',
    'fetch',
    'token',
    'retry',
    'headers',
    'timeoutMs',
    'maxRedirects',
    'maxResponseBytes',
    'onRequest',
    'sleep',
    'random',
  ]);
  const retryKnown = new Set(['retries', 'baseDelayMs', 'maxDelayMs']);
  for (const name of Object.keys(options))
    if (!known.has(name))
      warnOnce(
        `createRequestRunner has no option "${name}"${retryKnown.has(name) ? ` (retry.${name}?)` : ''}: it is ignored.`,
      );
  for (const name of Object.keys(options.retry ?? {}))
    if (!retryKnown.has(name))
      warnOnce(`createRequestRunner has no option "retry.${name}": it is ignored.`);
}
