'use client';
import { createRequestRunner } from '@pagewise/core';
import { PagewiseProvider } from '@pagewise/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

/**
 * The browser's side: one QueryClient per visit (never shared between users on the server),
 * and a runner that calls this app's route handler, which adds the credentials.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
  );
  const [runner] = useState(() => createRequestRunner({ baseUrl: '/api/mews' }));
  return (
    <QueryClientProvider client={client}>
      <PagewiseProvider runner={runner}>{children}</PagewiseProvider>
    </QueryClientProvider>
  );
}
