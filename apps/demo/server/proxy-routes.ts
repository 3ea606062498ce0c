/**
 * What the demo's proxy forwards: the calls the demo itself makes, nothing else. A page that
 * reaches the server cannot use its credentials for anything but these reads.
 */
const ROUTES: Record<
  'dingtalk' | 'lineworks' | 'dashly' | 'mews' | 'generic',
  Array<[string, RegExp]>
> = {
  dingtalk: [
    ['GET', /^\/v1\.0\/edu\/grades\/[^/]+\/classes$/],
    ['GET', /^\/v1\.0\/calendar\/users\/[^/]+\/calendars\/[^/]+\/events$/],
    ['GET', /^\/v1\.0\/attendance\/adjustments$/],
  ],
  lineworks: [
    ['GET', /^\/v1\.0\/users$/],
    ['GET', /^\/v1\.0\/users\/[^/]+\/calendar-personals$/],
  ],
  dashly: [
    ['GET', /^\/apps\/[^/]+\/conversations$/],
    ['GET', /^\/conversations\/[^/]+\/parts$/],
  ],
  mews: [['POST', /^\/api\/connector\/v1\/(customers|reservations)\/getAll(\/2023-06-06)?$/]],
  generic: [['GET', /^\/orders$/]],
};

export function allowedVendorCall(
  vendor: keyof typeof ROUTES,
  method: string,
  path: string,
): boolean {
  return ROUTES[vendor].some(([m, pattern]) => m === method && pattern.test(path));
}

/** Response headers relayed to the browser; the vendor's CORS and cookie headers are not. */
export const RELAYED_HEADERS = new Set([
  'content-type',
  'link',
  'retry-after',
  'x-total-count',
  'cache-control',
  'etag',
  'last-modified',
]);
