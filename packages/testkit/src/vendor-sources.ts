import {
  dashlyList,
  dashlyV1List,
  dingtalkPageList,
  dingtalkTokenList,
  lineworksList,
  linkHeaderSource,
  mewsGetAll,
  offsetLimitSource,
} from '@pagewise/core';
import type {
  DingTalkAdjustment,
  DingTalkClass,
  DingTalkEvent,
  GenericItem,
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
    events: dingtalkTokenList<DingTalkEvent>({
      path: `/v1.0/calendar/users/${options.calendarUserId ?? 'u1'}/calendars/primary/events`,
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
    reservations: mewsGetAll<MewsReservation>({
      entity: 'reservations',
      items: 'Reservations',
      ...credentials,
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
  };
}

export type VendorSources = ReturnType<typeof vendorSources>;
