import { PaginationError } from '../pagination-error.js';

/** Supplies access tokens to the request runner. */
export interface TokenProvider {
  /** A valid token: cached until shortly before it expires; concurrent callers share one fetch. */
  get(signal?: AbortSignal): Promise<string>;
  /** Forgets `token` (or the current one) so the next `get` fetches a new one. */
  invalidate(token?: string): void;
}

export interface TokenGrant {
  token: string;
  /** Lifetime in seconds (DingTalk: 7,200). */
  expiresIn: number;
}

export interface TokenProviderOptions {
  fetchToken(signal?: AbortSignal): Promise<TokenGrant>;
  /** Named in errors (`dingtalk`, `lineworks`…). @defaultValue 'token' */
  provider?: string | undefined;
  /** Refresh this many seconds before expiry (at most half the lifetime). @defaultValue 300 */
  refreshMarginSeconds?: number | undefined;
  /** Clock (ms), for tests. @defaultValue Date.now */
  now?: () => number;
}

/** A token provider with an expiry cache and single-flight refresh. */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginSeconds ?? 300;
  let current: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  return {
    get(signal) {
      if (current && now() < current.refreshAt) return Promise.resolve(current.token);
      if (!pending) {
        // One fetch shared by every caller: one caller's abort must not fail the others, so
        // it runs on its own, and each caller stops waiting when its own signal fires.
        pending = options
          .fetchToken()
          .then((grant) => {
            const lifetime = grant.expiresIn;
            // A lifetime that is not a positive number would mean a new token before every page.
            if (typeof lifetime !== 'number' || !Number.isFinite(lifetime) || lifetime <= 0) {
              throw new PaginationError(
                'BAD_RESPONSE',
                `the token endpoint gave a lifetime of ${JSON.stringify(lifetime)}, not a positive number of seconds`,
                { provider: options.provider ?? 'token', field: 'expiresIn' },
              );
            }
            const early = Math.min(margin, lifetime / 2);
            current = { token: grant.token, refreshAt: now() + (lifetime - early) * 1000 };
            return grant.token;
          })
          .finally(() => {
            pending = undefined;
          });
      }
      if (!signal) return pending;
      return new Promise<string>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        (pending as Promise<string>)
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    invalidate(token) {
      if (token === undefined || current?.token === token) current = undefined;
    },
  };
}

/** A fixed token (a LINE WORKS service token from your backend, a Dashly auth token…). */
export function staticToken(token: string): TokenProvider {
  return { get: () => Promise.resolve(token), invalidate: () => {} };
}
