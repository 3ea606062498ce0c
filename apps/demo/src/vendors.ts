import {
  createRequestRunner,
  dashlyList,
  dingtalkPageList,
  dingtalkTokenList,
  lineworksList,
  mewsGetAll,
  type RequestEvent,
} from '@pagewise/core';

/**
 * The browser talks to the demo's own server, which adds every credential (see
 * server/vendor-proxy.ts): no token, secret or key is in this bundle.
 */
export interface Adjustment {
  id: number;
  userName: string;
  adjustmentType: string;
  workDate: string;
  status: string;
}
export interface SchoolClass {
  classId: number;
  name: string;
  gradeLevel: number;
  studentCount: number;
  headTeacher: string;
}
export interface CalendarEvent {
  id: string;
  summary: string;
  start: { dateTime: string };
  location: { displayName: string };
}
export interface User {
  userId: string;
  email: string;
  userName: { firstName: string; lastName: string };
  employmentTypeName: string;
}
export interface Message {
  id: string;
  author: string;
  body: string;
  created: number;
}
export interface Reservation {
  Id: string;
  Number: string;
  State: string;
  StartUtc: string;
  EndUtc: string;
  AdultCount: number;
}

/** Requests as the browser's runners see them (the inspector shows the vendor side). */
export const clientEvents = new EventTarget();
const onRequest = (event: RequestEvent) =>
  clientEvents.dispatchEvent(new CustomEvent('request', { detail: event }));

export const runners = {
  dingtalk: createRequestRunner({ baseUrl: '/api/dingtalk', onRequest }),
  lineworks: createRequestRunner({ baseUrl: '/api/lineworks', onRequest }),
  dashly: createRequestRunner({ baseUrl: '/api/dashly', onRequest }),
  mews: createRequestRunner({ baseUrl: '/api/mews', onRequest }),
};

export const sources = {
  adjustments: dingtalkPageList<Adjustment>({
    path: '/v1.0/attendance/adjustments',
    items: 'result.items',
    totalPages: 'result.totalPage',
    key: (a) => String(a.id),
  }),
  classes: dingtalkTokenList<SchoolClass>({
    path: '/v1.0/edu/grades/grade-7/classes',
    items: 'list',
    key: (c) => String(c.classId),
  }),
  events: dingtalkTokenList<CalendarEvent>({
    path: '/v1.0/calendar/users/demo-user/calendars/primary/events',
    items: 'events',
    key: (e) => e.id,
  }),
  users: lineworksList<User>({
    path: '/v1.0/users',
    items: 'users',
    maxCount: 100,
    key: (u) => u.userId,
  }),
  messages: dashlyList<Message>({
    path: '/conversations/1160406004324630614/parts',
    position: ['id'],
  }),
  reservations: mewsGetAll<Reservation>({ entity: 'reservations', items: 'Reservations' }),
};
