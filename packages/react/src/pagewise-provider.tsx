'use client';
import type { RequestRunner } from '@pagewise/core';
import { createContext, type ReactNode, useContext } from 'react';

/** Defaults every hook under a `PagewiseProvider` uses; a hook's own option still wins. */
export interface PagewiseDefaults {
  /** The runner hooks use when they are given none. */
  runner?: RequestRunner | undefined;
  /** How long fetched pages count as fresh, in ms. @defaultValue 30000 */
  staleTime?: number | undefined;
}

const PagewiseContext = createContext<PagewiseDefaults>({});

/**
 * Gives every hook below it a runner and defaults, so a hook call needs only its source:
 * `<PagewiseProvider runner={createRequestRunner({ baseUrl: '/api' })}>`. A hook's own
 * `runner` (or `staleTime`) still wins. Place it inside TanStack Query's `QueryClientProvider`.
 */
export function PagewiseProvider({
  children,
  ...defaults
}: PagewiseDefaults & { children?: ReactNode }) {
  const outer = useContext(PagewiseContext);
  return (
    <PagewiseContext.Provider value={{ ...outer, ...defaults }}>
      {children}
    </PagewiseContext.Provider>
  );
}

/** The defaults from the nearest `PagewiseProvider` (empty without one). */
export function usePagewiseDefaults(): PagewiseDefaults {
  return useContext(PagewiseContext);
}

/** The runner a hook uses: its own, else the provider's; a clear error when there is neither. */
export function useRunner(own: RequestRunner | undefined, hook: string): RequestRunner {
  const context = useContext(PagewiseContext);
  const runner = own ?? context.runner;
  if (!runner)
    throw new Error(
      `${hook}: no runner — pass \`runner\`, or wrap the app in <PagewiseProvider runner={createRequestRunner({ baseUrl })}>`,
    );
  return runner;
}
