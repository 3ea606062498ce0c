import {
  createRequestRunner,
  dashlyList,
  dingtalkPageList,
  dingtalkTokenList,
  dingtalkTokenProvider,
  lineworksList,
  lineworksTokenProvider,
  mewsGetAll,
  paginate,
  type RequestEvent,
  type Source,
  staticToken,
} from '@pagewise/core';
import {
  createDashlySimulator,
  createDingTalkSimulator,
  createLineWorksSimulator,
  createMewsSimulator,
  DASHLY_CREDENTIALS,
  DINGTALK_CREDENTIALS,
  type FaultConfig,
  LINEWORKS_CREDENTIALS,
  MEWS_CREDENTIALS,
  type Simulator,
} from '@pagewise/simulators';
import { serveSimulator } from '@pagewise/simulators/http-server';

export interface SoakResult {
  walk: string;
  /** Page-number sources page by offset: drift is the vendor's model, reported rather than failed. */
  offset: boolean;
  items: number;
  requests: number;
  faults: Record<string, number>;
  retries: number;
  tokenRefreshes: number;
  restarts: number;
  inserted: number;
  deleted: number;
  /** Items present throughout the walk that it never yielded. */
  lost: number;
  /** Items handed to the caller more than once. */
  duplicated: number;
  /** Items the vendor delivered again (a DingTalk restart, offset drift) that de-duplication held back. */
  repeatsRemoved: number;
  drift: string;
  seconds: number;
}

export interface SoakOptions {
  /** Items per collection (default 10,000). */
  size?: number;
  seed?: number;
}

/**
 * Walks every vendor through `paginate()` over HTTP on loopback while the simulators inject 10 %
 * 5xx, 2 % 429 (Retry-After 0), token expiry every 150 requests, one invalid DingTalk nextToken,
 * 0–4 ms jitter, and an insert every 7 and a delete every 11 list requests. Counts what was lost
 * and what was duplicated against the simulator's own record of inserts and deletes.
 */
export async function runSoak(options: SoakOptions = {}): Promise<SoakResult[]> {
  const size = options.size ?? 10_000;
  const seed = options.seed ?? 42;
  const faults: Partial<FaultConfig> = {
    serverErrorRate: 0.1,
    rateLimitRate: 0.02,
    retryAfterSeconds: 0,
    tokenExpiresAfterRequests: 150,
    jitterMs: 4,
    insertEvery: 7,
    deleteEvery: 11,
    mutationAt: 'random',
    seed,
  };
  const walks: Array<{
    walk: string;
    offset: boolean;
    make(): {
      sim: Simulator;
      source: Source<unknown>;
      runnerFor(
        url: string,
        onRequest?: (e: RequestEvent) => void,
      ): ReturnType<typeof createRequestRunner>;
      pageSize: number;
      invalid?: number;
    };
  }> = [
    {
      walk: 'DingTalk classes (nextToken)',
      offset: false,
      make: () => ({
        sim: createDingTalkSimulator({ seed, sizes: { classes: size } }),
        source: dingtalkTokenList({
          path: '/v1.0/edu/grades/g/classes',
          items: 'list',
          key: (c: { classId: number }) => String(c.classId),
        }) as Source<unknown>,
        runnerFor: dingtalkRunner,
        pageSize: 20,
        invalid: 120,
      }),
    },
    {
      walk: 'DingTalk adjustments (pageNumber)',
      offset: true,
      make: () => ({
        sim: createDingTalkSimulator({ seed, sizes: { adjustments: size } }),
        source: dingtalkPageList({
          path: '/v1.0/attendance/adjustments',
          items: 'result.items',
          totalPages: 'result.totalPage',
          key: (a: { id: number }) => String(a.id),
        }) as Source<unknown>,
        runnerFor: dingtalkRunner,
        pageSize: 20,
      }),
    },
    {
      walk: 'LINE WORKS users (nextCursor)',
      offset: false,
      make: () => ({
        sim: createLineWorksSimulator({ seed, sizes: { users: size } }),
        source: lineworksList({
          path: '/v1.0/users',
          items: 'users',
          maxCount: 100,
          key: (u: { userId: string }) => u.userId,
        }) as Source<unknown>,
        runnerFor: (url, onRequest) =>
          createRequestRunner({
            baseUrl: url,
            token: lineworksTokenProvider({
              tokenUrl: `${url}/oauth2/v2.0/token`,
              ...LINEWORKS_CREDENTIALS,
            }),
            ...retry,
            onRequest,
          }),
        pageSize: 20,
      }),
    },
    {
      walk: 'Dashly conversations (positions)',
      offset: false,
      make: () => ({
        sim: createDashlySimulator({ seed, sizes: { conversations: size } }),
        source: dashlyList({
          path: '/apps/1/conversations',
          position: ['created', 'id'],
        }) as Source<unknown>,
        runnerFor: (url, onRequest) =>
          createRequestRunner({
            baseUrl: url,
            token: staticToken(DASHLY_CREDENTIALS.authToken),
            ...retry,
            onRequest,
          }),
        pageSize: 20,
      }),
    },
    {
      walk: 'Mews customers (Limitation cursor)',
      offset: false,
      make: () => ({
        sim: createMewsSimulator({ seed, sizes: { customers: size } }),
        source: mewsGetAll({
          entity: 'customers',
          items: 'Customers',
          credentials: {
            clientToken: MEWS_CREDENTIALS.clientToken,
            accessToken: MEWS_CREDENTIALS.accessToken,
          },
        }) as Source<unknown>,
        runnerFor: (url, onRequest) => createRequestRunner({ baseUrl: url, ...retry, onRequest }),
        pageSize: 50,
      }),
    },
  ];
  const results: SoakResult[] = [];
  for (const w of walks) {
    const { sim, source, runnerFor, pageSize, invalid } = w.make();
    const server = await serveSimulator(sim);
    try {
      // The items present before the walk (no faults yet).
      const runnerPlain = runnerFor(server.url);
      const before = new Set(
        (await paginate(source, { runner: runnerPlain, size: pageSize }).toArray()).map((i) =>
          source.key(i),
        ),
      );
      sim.log.clear();
      sim.configure({
        ...faults,
        tokenExpiresAfterRequests:
          w.walk.startsWith('Dashly') || w.walk.startsWith('Mews')
            ? null
            : (faults.tokenExpiresAfterRequests ?? null),
        invalidCursorOnRequest: invalid ?? null,
      });
      const events: RequestEvent[] = [];
      const runner = runnerFor(server.url, (e) => events.push(e));
      const started = performance.now();
      const yielded: string[] = [];
      let restarts = 0;
      let removed = 0;
      let drift = '';
      const onProgress = (p: {
        restarts: number;
        drift?: { from: number; to: number; of: string };
      }) => {
        restarts = p.restarts;
        if (p.drift) drift = `${p.drift.of} ${p.drift.from} → ${p.drift.to}`;
      };
      for await (const page of paginate(source, { runner, size: pageSize, onProgress })) {
        removed += page.duplicates;
        for (const item of page.items) yielded.push(source.key(item));
      }
      const seconds = (performance.now() - started) / 1000;
      const deleted = new Set(sim.mutations.deleted);
      const seen = new Set(yielded);
      const expected = [...before].filter((k) => !deleted.has(k));
      const faultsMet: Record<string, number> = {};
      for (const e of sim.log.entries)
        if (e.fault)
          faultsMet[e.fault.split(' ')[0]!] = (faultsMet[e.fault.split(' ')[0]!] ?? 0) + 1;
      results.push({
        walk: w.walk,
        offset: w.offset,
        items: seen.size,
        requests: sim.log.entries.length,
        faults: faultsMet,
        retries: events.filter((e) => e.retryInMs !== undefined && e.error !== 'UNAUTHORIZED')
          .length,
        tokenRefreshes: events.filter(
          (e) => e.error === 'UNAUTHORIZED' && e.retryInMs !== undefined,
        ).length,
        restarts,
        inserted: sim.mutations.inserted.length,
        deleted: deleted.size,
        lost: expected.filter((k) => !seen.has(k)).length,
        duplicated: yielded.length - seen.size,
        repeatsRemoved: removed,
        drift,
        seconds,
      });
    } finally {
      await server.close();
    }
  }
  return results;
}

const retry = { retry: { retries: 10, baseDelayMs: 5, maxDelayMs: 2000 } };

function dingtalkRunner(url: string, onRequest?: (e: RequestEvent) => void) {
  return createRequestRunner({
    baseUrl: url,
    token: dingtalkTokenProvider({ ...DINGTALK_CREDENTIALS, baseUrl: url }),
    ...retry,
    onRequest,
  });
}
