import { DEFAULTS } from '../defaults.js';
import { resolvePageSize } from '../page-size.js';
import { keySafe } from '../shared/key-safe.js';
import { sameValue } from '../shared/stable-text.js';
import { sourceScope } from '../source-identity.js';
import type { ReachOptions } from './page-reachability.js';
import type { PagedTableOptions } from './paged-table.types.js';
import { ENGLISH_TABLE } from './table-messages.js';

type Config = Omit<PagedTableOptions<unknown>, 'cache'>;

const scopes = new WeakMap<Config, readonly unknown[]>();

/**
 * The cache scope of a table: its base scope, and its parameters when it has any (secrets in
 * them fingerprinted). Worked out once per set of options: every page key holds it.
 */
export function scopeOf(config: Config): readonly unknown[] {
  let scope = scopes.get(config);
  if (!scope) {
    const base = sourceScope(config.source, config.queryKey);
    scope = config.params === undefined ? base : [...base, keySafe(config.params)];
    scopes.set(config, scope);
  }
  return scope;
}

/** The page size sent: the option, within the source's limits. */
export const pageSizeOf = (config: Config): number =>
  resolvePageSize(config.source.provider, config.source.limits, config.pageSize);

/** Pages one request can cover from a known cursor: as many as the vendor's maximum holds, where the source has `cursorAfter`. */
export const stretchOf = (config: Config, pageSize: number): number =>
  config.source.kind === 'cursor' && config.source.cursorAfter
    ? Math.max(1, Math.floor(config.source.limits.max / pageSize))
    : 1;

/** How far a table may jump, its defaults applied. */
export const reachOf = (config: Config, pageSize: number): ReachOptions => ({
  provider: config.source.provider,
  forwardJumps: config.forwardJumps ?? DEFAULTS.forwardJumps,
  maxWalk: config.maxWalk ?? DEFAULTS.maxWalk,
  stretch: stretchOf(config, pageSize),
  messages: config.messages === undefined ? undefined : { ...ENGLISH_TABLE, ...config.messages },
});

type Controlled = Pick<Config, 'pageIndex' | 'pageSize' | 'link'>;

/**
 * The options that change something: the page, size and link move the table only when they
 * differ from the last ones given (a controlled value passed on every render), the rest always.
 * Returns them, and the controlled values now given.
 */
export function controlledChanges<O extends Controlled>(
  given: Controlled,
  next: O,
): [O, Controlled] {
  const changes = { ...next };
  let now = given;
  for (const k of ['pageIndex', 'pageSize', 'link'] as const) {
    if (!(k in next)) continue;
    if (sameValue(next[k], given[k])) delete changes[k];
    else now = { ...now, [k]: next[k] };
  }
  return [changes, now];
}

/** The most pages fetched ahead: the `prefetch` number, else the default. */
export const prefetchDepthOf = (config: Config): number =>
  typeof config.prefetch === 'number' ? config.prefetch : DEFAULTS.prefetchDepth;
