/**
 * Every default of the kit, declared once: the controllers apply them at their boundary, the
 * bindings read them from here, the docs name them with `@defaultValue`.
 */
export const DEFAULTS = {
  /** How long a fetched page counts as fresh, in ms. */
  staleTime: 30_000,
  /** How a cursor table reaches a page never visited. */
  forwardJumps: 'walk' as 'walk' | 'disabled',
  /** The most requests one jump may take on a cursor table. */
  maxWalk: 10,
  /** Pages a table fetches ahead at most when `prefetch` is `true`. */
  prefetchDepth: 3,
  /** Empty pages in a row that still point further, before a walk or a list stops. */
  maxEmptyPages: 20,
  /** Pages in a row that bring no new item, before a walk or a list stops. */
  maxRepeatedPages: 3,
  /** Restarts of one walk after the vendor refused a cursor. */
  maxRestarts: 3,
  /** The most one request attempt may take, its body read included, in ms. */
  timeoutMs: 10_000,
  /** Same-origin redirects followed in one attempt. */
  maxRedirects: 5,
  /** The most bytes of one answer read (inflated). */
  maxResponseBytes: 32 * 1024 * 1024,
  /** The most bytes of a token endpoint's answer read. */
  maxTokenBytes: 64 * 1024,
} as const;
