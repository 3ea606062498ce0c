import type { Source } from '../types.js';
import type {
  FetchedPage,
  PagePosition,
  RequestOptions,
  RequestRunner,
  RetryWait,
} from './runner-types.js';

/**
 * The runner, with every wait for another attempt told to `onRetry` too (besides the caller's
 * own `onRetry`): how a controller learns that the page it waits for waits on a 429 or a 5xx,
 * whatever part of it — a plain read, a walk, a drift-repaired read — made the request.
 */
export function watchRetries(
  runner: RequestRunner,
  onRetry: (wait: RetryWait) => void,
): RequestRunner {
  const told = (options: RequestOptions = {}): RequestOptions => ({
    ...options,
    onRetry: (wait) => {
      options.onRetry?.(wait);
      onRetry(wait);
    },
  });
  return {
    baseUrl: runner.baseUrl,
    fetchPage: <T>(source: Source<T>, position: PagePosition, options?: RequestOptions) =>
      runner.fetchPage(source, position, told(options)) as Promise<FetchedPage<T>>,
    execute: (source, request, options) => runner.execute(source, request, told(options)),
  };
}
