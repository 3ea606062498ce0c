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
  /** Refresh this many seconds before expiry (default 300, at most half the lifetime). */
  refreshMarginSeconds?: number;
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
        pending = options
          .fetchToken(signal)
          .then((grant) => {
            const lifetime = Math.max(0, grant.expiresIn);
            const early = Math.min(margin, lifetime / 2);
            current = { token: grant.token, refreshAt: now() + (lifetime - early) * 1000 };
            return grant.token;
          })
          .finally(() => {
            pending = undefined;
          });
      }
      return pending;
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
