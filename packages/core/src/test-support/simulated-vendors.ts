import {
  createSimulatorFetch,
  createSimulators,
  DASHLY_CREDENTIALS,
  DINGTALK_CREDENTIALS,
  type DingTalkAdjustment,
  type DingTalkClass,
  type DingTalkEvent,
  LINEWORKS_CREDENTIALS,
  type LineWorksCalendar,
  type LineWorksUser,
  MEWS_CREDENTIALS,
  type MewsCustomer,
  type MewsReservation,
  type SimulatorSetOptions,
  simulatorRoutes,
  VENDOR_BASE_URLS,
} from '@pagewise/simulators';
import {
  createRequestRunner,
  type RequestEvent,
  type RequestRunnerOptions,
} from '../request-runner.js';
import { linkHeaderSource } from '../sources/link-header.js';
import { offsetLimitSource } from '../sources/offset-limit.js';
import { staticToken } from '../token-provider.js';
import { dashlyList, dashlyV1List } from '../vendors/dashly.js';
import { dingtalkPageList, dingtalkTokenList, dingtalkTokenProvider } from '../vendors/dingtalk.js';
import { lineworksList, lineworksTokenProvider } from '../vendors/lineworks.js';
import { mewsGetAll } from '../vendors/mews.js';

/** A Dashly conversation as the application sees it (ids beyond 2^53 as strings). */
export interface Conversation {
  id: string;
  created: number;
  user_name: string;
  channel: string;
  read: boolean;
  parts_count: number;
  last_message: string;
}

/** A message of a Dashly conversation. */
export interface ConversationPart {
  id: string;
  created: number;
  author: string;
  body: string;
}

/** The four vendors' simulators in memory, with runners and sources as a Node sync job would set them up. */
export function simulatedVendors(
  options: SimulatorSetOptions = {},
  runner: Partial<RequestRunnerOptions> = {},
  transport: { fetch?: typeof globalThis.fetch } = {},
) {
  const sims = createSimulators(options);
  // In memory by default; pass the global fetch to go through MSW (as the React tests do).
  const fetch = transport.fetch ?? createSimulatorFetch(simulatorRoutes(sims));
  const waits: number[] = [];
  const events: RequestEvent[] = [];
  const common = {
    fetch,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
    onRequest: (e: RequestEvent) => events.push(e),
    ...runner,
  };
  const runners = {
    dingtalk: createRequestRunner({
      baseUrl: VENDOR_BASE_URLS.dingtalk,
      token: dingtalkTokenProvider({
        ...DINGTALK_CREDENTIALS,
        baseUrl: VENDOR_BASE_URLS.dingtalk,
        fetch,
      }),
      ...common,
    }),
    lineworks: createRequestRunner({
      baseUrl: VENDOR_BASE_URLS.lineworks,
      token: lineworksTokenProvider({
        tokenUrl: `${VENDOR_BASE_URLS.lineworks}/oauth2/v2.0/token`,
        ...LINEWORKS_CREDENTIALS,
        fetch,
      }),
      ...common,
    }),
    dashly: createRequestRunner({
      baseUrl: VENDOR_BASE_URLS.dashly,
      token: staticToken(DASHLY_CREDENTIALS.authToken),
      ...common,
    }),
    mews: createRequestRunner({ baseUrl: VENDOR_BASE_URLS.mews, ...common }),
    generic: createRequestRunner({ baseUrl: VENDOR_BASE_URLS.generic, ...common }),
  };
  const mewsCredentials = {
    clientToken: MEWS_CREDENTIALS.clientToken,
    accessToken: MEWS_CREDENTIALS.accessToken,
  };
  const sources = {
    classes: dingtalkTokenList<DingTalkClass>({
      path: '/v1.0/edu/grades/g1/classes',
      items: 'list',
      key: (c) => String(c.classId),
    }),
    events: dingtalkTokenList<DingTalkEvent>({
      path: '/v1.0/calendar/users/u1/calendars/primary/events',
      items: 'events',
      key: (e) => e.id,
    }),
    adjustments: dingtalkPageList<DingTalkAdjustment>({
      path: '/v1.0/attendance/adjustments',
      items: 'result.items',
      totalPages: 'result.totalPage',
      key: (a) => String(a.id),
    }),
    users: lineworksList<LineWorksUser>({
      path: '/v1.0/users',
      items: 'users',
      maxCount: 100,
      key: (u) => u.userId,
    }),
    calendars: lineworksList<LineWorksCalendar>({
      path: '/v1.0/users/me/calendar-personals',
      items: 'calendarPersonals',
      maxCount: 50,
      key: (c) => c.calendarId,
    }),
    conversations: dashlyList<Conversation>({
      path: '/apps/42/conversations',
      position: ['created', 'id'],
    }),
    parts: dashlyList<ConversationPart>({ path: '/conversations/1/parts', position: ['id'] }),
    conversationsV1: dashlyV1List<Conversation>({ path: '/v1/apps/42/conversations' }),
    customers: mewsGetAll<MewsCustomer>({
      entity: 'customers',
      items: 'Customers',
      credentials: mewsCredentials,
    }),
    reservations: mewsGetAll<MewsReservation>({
      entity: 'reservations',
      items: 'Reservations',
      credentials: mewsCredentials,
    }),
    offsetItems: offsetLimitSource<{ id: number }>({
      path: '/items',
      total: 'total',
      key: (x) => String(x.id),
    }),
    linkedItems: linkHeaderSource<{ id: number }>({
      path: '/repos/items',
      key: (x) => String(x.id),
    }),
  };
  return { sims, fetch, runners, sources, waits, events };
}
