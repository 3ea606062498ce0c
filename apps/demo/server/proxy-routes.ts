/**
 * What the demo's proxy forwards: the calls the demo itself makes, nothing else — these paths
 * (each id a plain segment: no encoded slash or question mark reaches a vendor), these methods,
 * these query parameters. A page that reaches the server cannot use its credentials for anything
 * but these reads.
 */
type Route = { method: string; path: RegExp; query: readonly string[] };
const ID = '[A-Za-z0-9_.@-]+';
const route = (method: string, path: string, query: readonly string[]): Route => ({
  method,
  path: new RegExp(`^${path.replaceAll('{id}', ID)}$`),
  query,
});
const DINGTALK_TOKEN = ['maxResults', 'nextToken', 'timeMin', 'timeMax'];
const DASHLY = [
  'paginate_position',
  'paginate_count',
  'paginate_direction',
  'paginate_page_order',
  'paginate_including',
];

const ROUTES: Record<'dingtalk' | 'lineworks' | 'dashly' | 'mews' | 'generic', Route[]> = {
  dingtalk: [
    route('GET', '/v1\\.0/edu/grades/{id}/classes', DINGTALK_TOKEN),
    route('GET', '/v1\\.0/calendar/users/{id}/calendars/{id}/events', DINGTALK_TOKEN),
    route('GET', '/v1\\.0/attendance/adjustments', ['pageNumber', 'pageSize']),
  ],
  lineworks: [
    route('GET', '/v1\\.0/users', ['count', 'cursor']),
    route('GET', '/v1\\.0/users/{id}/calendar-personals', ['count', 'cursor']),
  ],
  dashly: [
    route('GET', '/apps/{id}/conversations', DASHLY),
    route('GET', '/conversations/{id}/parts', DASHLY),
  ],
  mews: [route('POST', '/api/connector/v1/(customers|reservations)/getAll(/2023-06-06)?', [])],
  generic: [
    route('GET', '/orders', ['page', 'per_page', 'sort', 'status', 'q']),
    // The README's source of one's own (a helpdesk, Stripe style), to try against the demo's server.
    route('GET', '/v2/tickets', ['limit', 'starting_after', 'status', 'q']),
  ],
};

/**
 * The vendor path and query to forward for a call, or `undefined` when the demo does not make
 * this call: an unknown path or method, an id that is not a plain segment, an unknown query
 * parameter, or one given twice.
 */
export function allowedVendorCall(
  vendor: keyof typeof ROUTES,
  method: string,
  path: string,
  search = '',
): string | undefined {
  const match = ROUTES[vendor].find((r) => r.method === method && r.path.test(path));
  if (!match) return undefined;
  const query = new URLSearchParams(search);
  const names = [...query.keys()];
  if (names.some((n) => !match.query.includes(n)) || new Set(names).size !== names.length)
    return undefined;
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Response headers relayed to the browser; the vendor's CORS and cookie headers are not. */
export const RELAYED_HEADERS = new Set([
  'link',
  'retry-after',
  'x-total-count',
  'cache-control',
  'etag',
  'last-modified',
]);
