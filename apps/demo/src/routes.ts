export type Vendor = 'dingtalk' | 'lineworks' | 'dashly' | 'mews' | 'generic';

export interface Route {
  path: string;
  title: string;
  vendor: Vendor;
  mode: string;
}

export const ROUTES: Route[] = [
  {
    path: 'orders',
    title: 'Orders admin',
    vendor: 'generic',
    mode: 'page & per_page → TanStack Table: sort, filter, search, selection, state in the URL',
  },
  {
    path: 'adjustments',
    title: 'DingTalk attendance adjustments',
    vendor: 'dingtalk',
    mode: 'pageNumber → paged table',
  },
  {
    path: 'classes',
    title: 'DingTalk classes and calendar events',
    vendor: 'dingtalk',
    mode: 'nextToken → infinite lists',
  },
  {
    path: 'users',
    title: 'LINE WORKS users',
    vendor: 'lineworks',
    mode: 'nextCursor → cursor-driven table',
  },
  {
    path: 'chat',
    title: 'Dashly conversation',
    vendor: 'dashly',
    mode: 'positions → chat, both ways, jump',
  },
  {
    path: 'reservations',
    title: 'Mews reservations',
    vendor: 'mews',
    mode: 'Limitation cursor → virtual list of 100,000',
  },
  {
    path: 'week-reservations',
    title: 'Mews reservations of a week',
    vendor: 'mews',
    mode: 'Limitation cursor → table with an estimated page count',
  },
];
