/**
 * What the kit's queries leave to the request runner: retries (with its backoff, `Retry-After`
 * and token refresh), and the network itself. TanStack Query's `networkMode: 'online'` would
 * hold a fetch while the browser says it is offline: a page turn or Load more would wait with
 * nothing in flight, nothing said and no error. Sent instead, the request fails as any
 * unreachable vendor does — the runner's retries, said as a delay, then a typed `NETWORK` error
 * with Retry — and a browser wrong about being offline (a VPN, a loopback server) still loads.
 */
export const RUNNER_QUERY_OPTIONS = { retry: false, networkMode: 'always' } as const;
