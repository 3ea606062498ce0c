import 'server-only';
import { createRequestRunner, mewsGetAll } from '@pagewise/core';
import { mewsEnvironment } from './mews-credentials';
import { type Customer, customerOptions, type Reservation, reservationOptions } from './sources';

/**
 * What a server component fetches with: the shared sources plus the credentials, and a runner
 * that calls Mews directly. Same identity as the browser's sources, so the same query keys.
 */
export function serverMews() {
  const { baseUrl, credentials } = mewsEnvironment();
  return {
    runner: createRequestRunner({ baseUrl, timeoutMs: 5_000, retry: { retries: 1 } }),
    customers: mewsGetAll<Customer>({ ...customerOptions, credentials }),
    reservations: mewsGetAll<Reservation>({ ...reservationOptions, credentials }),
  };
}
