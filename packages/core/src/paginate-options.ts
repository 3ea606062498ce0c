import { isCount, need } from './option-check.js';
import type { PaginateOptions } from './paginate.js';
import { warnOnce } from './shared/is-development.js';

/**
 * `paginate()`'s arguments, checked before anything is sent: a source, a runner, counts that are
 * whole numbers or `Infinity` (`maxPages: NaN` would end the walk at once as if it were done),
 * an `onProgress` that can be called. What fails is `INVALID_OPTION`. An option `paginate` does
 * not know, and `repairDrift: true` with `concurrency` (which reads pages at once, unrepaired),
 * are development warnings.
 */
export function checkPaginateArguments(
  source: unknown,
  options: PaginateOptions | undefined,
): void {
  const s = source as {
    provider?: string;
    key?: unknown;
    request?: unknown;
    readsInOrder?: boolean;
  } | null;
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
  const counts = { maxPages: 1, maxRestarts: 0, maxEmptyPages: 1, maxRepeatedPages: 1 };
  for (const [name, min] of Object.entries(counts)) {
    const value = o[name as keyof typeof counts];
    need(isCount(value, min), at, name, value, `a whole number ≥ ${min}`);
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
    o.signal == null || typeof (o.signal as Partial<AbortSignal>).addEventListener === 'function',
    at,
    'signal',
    o.signal,
    'an AbortSignal',
  );
  need(
    o.onProgress == null || typeof o.onProgress === 'function',
    at,
    'onProgress',
    o.onProgress,
    'a function',
  );
  if (process.env.NODE_ENV !== 'production') {
    if (o.repairDrift && (o.concurrency ?? 1) > 1)
      warnOnce(
        'paginate: concurrency reads pages at once, so repairDrift: true does not repair them; use one or the other.',
      );
    if (s?.readsInOrder && (o.concurrency ?? 1) > 1 && o.repairDrift !== true)
      warnOnce(
        `paginate: ${at} asks for its pages read in order (1, 2, 3…); concurrency asks for them out of order.`,
      );
    if (typeof o.from === 'string' && o.from.startsWith('{') && (o.concurrency ?? 1) > 1)
      warnOnce(
        'paginate: `from` is the position of a drift-repaired walk, which resumes one page at a time; concurrency is not used.',
      );
    const known =
      'runner size params from direction signal dedupe maxPages onInvalidCursor maxRestarts maxEmptyPages maxRepeatedPages concurrency repairDrift onProgress';
    for (const name of Object.keys(o))
      if (!known.split(' ').includes(name))
        warnOnce(
          `paginate: unknown option '${name}'${/^(pageSize|limit|count)$/.test(name) ? " (did you mean 'size'?)" : ''}.`,
        );
  }
}
