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
  type RequestRunner,
  type Source,
  staticToken,
} from '@pagewise/core';
import {
  createSimulators,
  DASHLY_CREDENTIALS,
  DINGTALK_CREDENTIALS,
  type FaultConfig,
  LINEWORKS_CREDENTIALS,
  MEWS_CREDENTIALS,
  type SimulatorSetOptions,
} from '@pagewise/simulators';
import { serveSimulator } from '@pagewise/simulators/http-server';

export interface WalkReport {
  name: string;
  items: number;
  pages: number;
  requests: number;
  faults: number;
  ms: number;
}

export interface SyncWalkOptions {
  sizes?: Partial<
    Record<'classes' | 'adjustments' | 'users' | 'conversations' | 'reservations', number>
  >;
  faults?: Partial<FaultConfig>;
  onPage?(name: string, items: number): void;
}

/**
 * Starts the vendor simulators on loopback and walks one endpoint of each vendor through
 * `paginate()`, as a backend sync job would (credentials live here, server-side).
 */
export async function runSyncWalk(options: SyncWalkOptions = {}): Promise<WalkReport[]> {
  const sizes = {
    classes: 20_000,
    adjustments: 5_000,
    users: 20_000,
    conversations: 5_000,
    reservations: 20_000,
    ...options.sizes,
  };
  const setOptions: SimulatorSetOptions = {
    dingtalk: {
      sizes: { classes: sizes.classes, adjustments: sizes.adjustments },
      faults: options.faults,
    },
    lineworks: { sizes: { users: sizes.users }, faults: options.faults },
    dashly: { sizes: { conversations: sizes.conversations }, faults: options.faults },
    mews: { sizes: { reservations: sizes.reservations }, faults: options.faults },
  };
  const sims = createSimulators(setOptions);
  const servers = await Promise.all([
    serveSimulator(sims.dingtalk),
    serveSimulator(sims.lineworks),
    serveSimulator(sims.dashly),
    serveSimulator(sims.mews),
  ]);
  const [dingtalk, lineworks, dashly, mews] = servers.map((s) => s.url) as [
    string,
    string,
    string,
    string,
  ];
  try {
    const runners = {
      dingtalk: createRequestRunner({
        baseUrl: dingtalk,
        token: dingtalkTokenProvider({ ...DINGTALK_CREDENTIALS, baseUrl: dingtalk }),
      }),
      lineworks: createRequestRunner({
        baseUrl: lineworks,
        token: lineworksTokenProvider({
          tokenUrl: `${lineworks}/oauth2/v2.0/token`,
          ...LINEWORKS_CREDENTIALS,
        }),
      }),
      dashly: createRequestRunner({
        baseUrl: dashly,
        token: staticToken(DASHLY_CREDENTIALS.authToken),
      }),
      mews: createRequestRunner({ baseUrl: mews }),
    };
    const walks: Array<{
      name: string;
      vendor: keyof typeof runners;
      source: Source<unknown>;
      size: number;
    }> = [
      {
        name: 'DingTalk school classes (nextToken)',
        vendor: 'dingtalk',
        source: dingtalkTokenList({
          path: '/v1.0/edu/grades/g1/classes',
          items: 'list',
          key: (c: { classId: number }) => String(c.classId),
        }) as Source<unknown>,
        size: 500,
      },
      {
        name: 'DingTalk attendance adjustments (pageNumber)',
        vendor: 'dingtalk',
        source: dingtalkPageList({
          path: '/v1.0/attendance/adjustments',
          items: 'result.items',
          totalPages: 'result.totalPage',
          key: (a: { id: number }) => String(a.id),
        }) as Source<unknown>,
        size: 200,
      },
      {
        name: 'LINE WORKS users (nextCursor)',
        vendor: 'lineworks',
        source: lineworksList({
          path: '/v1.0/users',
          items: 'users',
          maxCount: 100,
          key: (u: { userId: string }) => u.userId,
        }) as Source<unknown>,
        size: 100,
      },
      {
        name: 'Dashly conversations (positions)',
        vendor: 'dashly',
        source: dashlyList({
          path: '/apps/42/conversations',
          position: ['created', 'id'],
        }) as Source<unknown>,
        size: 50,
      },
      {
        name: 'Mews reservations (Limitation cursor)',
        vendor: 'mews',
        source: mewsGetAll({
          entity: 'reservations',
          items: 'Reservations',
          credentials: {
            clientToken: MEWS_CREDENTIALS.clientToken,
            accessToken: MEWS_CREDENTIALS.accessToken,
          },
        }) as Source<unknown>,
        size: 1000,
      },
    ];
    const reports: WalkReport[] = [];
    for (const walk of walks) {
      const sim = sims[walk.vendor];
      const before = sim.log.entries.length;
      const started = performance.now();
      let items = 0;
      let pages = 0;
      const runner: RequestRunner = runners[walk.vendor];
      for await (const page of paginate(walk.source, { runner, size: walk.size })) {
        items += page.items.length;
        pages++;
        options.onPage?.(walk.name, items);
      }
      const entries = sim.log.entries.slice(before);
      reports.push({
        name: walk.name,
        items,
        pages,
        requests: entries.length,
        faults: entries.filter((e) => e.fault).length,
        ms: Math.round(performance.now() - started),
      });
    }
    return reports;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
