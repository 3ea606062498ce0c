import { DEFAULTS } from '../defaults.js';
import { resolvePageSize } from '../page-size.js';
import { sourceIdentity } from '../source-identity.js';
import type { ReachOptions } from './page-reachability.js';
import type { PagedTableOptions } from './paged-table.types.js';

type Config = Omit<PagedTableOptions<unknown>, 'cache'>;

/** The cache scope of a table: its base scope, and its parameters when it has any. */
export function scopeOf(config: Config): readonly unknown[] {
  const { source } = config;
  const base = config.scope ?? ['pagewise', source.provider, sourceIdentity(source)];
  return config.params === undefined ? base : [...base, config.params];
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
});
