import type { Decorator } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

/**
 * Each story gets its own QueryClient, so stories never share cached pages. A failed page stays
 * failed until Retry (no refetch when the tab comes back into view): a story shows the state it
 * is named for.
 */
export function WithQueryClient({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** The decorator: a fresh QueryClient for each set of simulators the story's loader built. */
export const withQueryClient: Decorator = (Story, context) => (
  <WithQueryClient key={(context.loaded as { vendors?: { id: number } }).vendors?.id}>
    <Story />
  </WithQueryClient>
);
