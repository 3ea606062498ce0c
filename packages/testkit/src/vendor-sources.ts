import {
  dashlyList,
  dashlyV1List,
  dingtalkPageList,
  dingtalkTokenList,
  estimateFromPosition,
  lineworksList,
  linkHeaderSource,
  mewsGetAll,
  offsetLimitSource,
  pageNumberSource,
  type TableQuery,
} from '@pagewise/core';
import type {
  DingTalkAdjustment,
  DingTalkClass,
  DingTalkEvent,
  GenericItem,
  GenericOrder,
  LineWorksCalendar,
  LineWorksUser,
  MewsCustomer,
  MewsReservation,
} from '@pagewise/simulators';

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

/** The DingTalk events' time window (RFC 3339), sent as `timeMin`/`timeMax`. */
export interface EventWindow {
  from?: string;
  to?: string;
}

/** How far back in a newest-first interval a time lies: 0 at its end (`to`), 1 at its start. */
export function createdWithin(time: string, interval: { from: string; to: string }): number {
  const [from, to] = [Date.parse(interval.from), Date.parse(interval.to)];
  return Math.min(1, Math.max(0, (to - Date.parse(time)) / (to - from)));
}

/** The Mews reservations filters the simulator models. */
export interface ReservationFilters {
  states?: string[];
  /** Created between these ISO 8601 times (at most 3 months apart). */
  created?: { from: string; to: string };
}

/** A message of a Dashly conversation. */
export interface ConversationPart {
  id: string;
  created: number;
  author: string;
  body: string;
}

export interface VendorSourceOptions {
  /**
   * The Mews ClientToken/AccessToken to put into each request body (a server-side job does this;
   * a browser leaves them out and lets its backend add them).
   */
  mewsCredentials?: { clientToken: string; accessToken: string };
  /** Path ids: the DingTalk grade and calendar user, the Dashly app and conversation. */
  gradeId?: string;
  calendarUserId?: string;
  dashlyAppId?: string;
  conversationId?: string;
}

/**
 * One source per simulated endpoint, defined once for the tests, the demo, the benchmarks and
 * the examples: DingTalk nextToken and pageNumber, LINE WORKS cursors, Dashly positions (v2 and
 * the deprecated v1), Mews Limitation cursors, and the generic offset/limit and Link-header APIs.
 */
export function vendorSources(options: VendorSourceOptions = {}) {
  const credentials = options.mewsCredentials ? { credentials: options.mewsCredentials } : {};
  return {
    classes: dingtalkTokenList<DingTalkClass>({
      path: `/v1.0/edu/grades/${options.gradeId ?? 'g1'}/classes`,
      items: 'list',
      key: (c) => String(c.classId),
    }),
    events: dingtalkTokenList<DingTalkEvent, EventWindow>({
      path: `/v1.0/calendar/users/${options.calendarUserId ?? 'u1'}/calendars/primary/events`,
      items: 'events',
      key: (e) => e.id,
      params: (w) => ({ timeMin: w.from, timeMax: w.to }),
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
      path: `/apps/${options.dashlyAppId ?? '42'}/conversations`,
      position: ['created', 'id'],
    }),
    parts: dashlyList<ConversationPart>({
      path: `/conversations/${options.conversationId ?? '1'}/parts`,
      position: ['id'],
    }),
    conversationsV1: dashlyV1List<Conversation>({
      path: `/v1/apps/${options.dashlyAppId ?? '42'}/conversations`,
    }),
    customers: mewsGetAll<MewsCustomer>({
      entity: 'customers',
      items: 'Customers',
      ...credentials,
    }),
    reservations: mewsGetAll<MewsReservation, ReservationFilters>({
      entity: 'reservations',
      operation: 'reservations/getAll/2023-06-06',
      items: 'Reservations',
      ...credentials,
      params: (f) => ({
        States: f.states?.length ? f.states : undefined,
        CreatedUtc: f.created ? { StartUtc: f.created.from, EndUtc: f.created.to } : undefined,
      }),
      // Newest first within the created interval: how far back a reservation was created.
      estimateTotal: estimateFromPosition<MewsReservation, ReservationFilters>((r, f) =>
        f?.created ? createdWithin(r.CreatedUtc, f.created) : undefined,
      ),
    }),
    offsetItems: offsetLimitSource<GenericItem>({
      path: '/items',
      total: 'total',
      key: (x) => String(x.id),
    }),
    linkedItems: linkHeaderSource<GenericItem>({
      path: '/repos/items',
      key: (x) => String(x.id),
    }),
    /** An admin list: `?page=&per_page=`, `X-Total-Count`, sort, a status filter and search. */
    orders: pageNumberSource<GenericOrder, TableQuery>({
      provider: 'orders',
      path: '/orders',
      total: { header: 'X-Total-Count' },
      key: (o) => String(o.id),
      params: (q) => ({
        sort: q.sort.map((s) => (s.desc ? `-${s.id}` : s.id)).join(',') || undefined,
        status: typeof q.filters.status === 'string' ? q.filters.status : undefined,
        q: q.search || undefined,
      }),
    }),
  };
}

export type VendorSources = ReturnType<typeof vendorSources>;
