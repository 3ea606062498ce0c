import { isCount, need } from './option-check.js';
import type { PaginateOptions } from './paginate.js';
import { warnOnce } from './shared/is-development.js';

/**
 * `paginate()`'s arguments, checked before anything is sent: a source, a runner, counts that are
 * whole numbers (`maxPages: NaN` would end the walk at once as if it were done), options that
 * work together. What fails is `INVALID_OPTION`; an option `paginate` does not know is a
 * development warning (`pageSize` → did you mean `size`?).
 */
export function checkPaginateArguments(
  source: unknown,
  options: PaginateOptions | undefined,
): void {
  const s = source as { provider?: string; key?: unknown; request?: unknown } | null;
  const at = s?.provider ?? 'pagewise';
  need(
    typeof s?.key === 'function' && typeof s.request === 'function',
    at,
    'source',
    source,
    'a source',
  );
  const o = (options ?? {}) as PaginateOptions;
  need(typeof o.runner?.fetchPage === 'function', at, 'runner', o.runner, 'a request runner');
  const counts = {
    maxPages: 1,
    concurrency: 1,
    maxRestarts: 0,
    maxEmptyPages: 1,
    maxRepeatedPages: 1,
  };
  for (const [name, min] of Object.entries(counts)) {
    const value = o[name as keyof typeof counts];
    need(
      isCount(value, min) || (name === 'maxPages' && value === Number.POSITIVE_INFINITY),
      at,
      name,
      value,
      `a whole number ≥ ${min}`,
    );
  }
  need(
    [undefined, 'after', 'before'].includes(o.direction),
    at,
    'direction',
    o.direction,
    "'after' or 'before'",
  );
  need(
    [undefined, 'restart', 'fail'].includes(o.onInvalidCursor),
    at,
    'onInvalidCursor',
    o.onInvalidCursor,
    "'restart' or 'fail'",
  );
  need(
    o.onProgress === undefined || typeof o.onProgress === 'function',
    at,
    'onProgress',
    o.onProgress,
    'a function',
  );
  need(
    o.signal === undefined || typeof o.signal?.aborted === 'boolean',
    at,
    'signal',
    o.signal,
    'an AbortSignal',
  );
  need(
    !(o.repairDrift && (o.concurrency ?? 1) > 1),
    at,
    'concurrency',
    o.concurrency,
    '1 with repairDrift',
  );
  if (process.env.NODE_ENV !== 'production') {
    const known =
      'runner size params from direction signal dedupe maxPages onInvalidCursor maxRestarts maxEmptyPages maxRepeatedPages concurrency repairDrift onProgress';
    for (const name of Object.keys(o))
      if (!known.split(' ').includes(name))
        warnOnce(
          `paginate: unknown option '${name}'${/^(pageSize|limit|count)$/.test(name) ? " (did you mean 'size'?)" : ''}.`,
        );
  }
}
