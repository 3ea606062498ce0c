/**
 * Hardening II, finding 1: a cursor — from a vendor or from a page URL — is a position, never a
 * place. For every source kind, a hostile cursor either travels as an encoded value (vendor
 * cursors in a query or a body), is refused as not a page number, or — a link — is followed only
 * to the source's own endpoint under the runner's base path. Nothing else is sent.
 */
import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import type { Source } from './types.js';

const HOSTILE = [
  '/../../../admin/keys',
  '../../admin/keys',
  '%2e%2e/%2e%2e/admin/keys',
  '..%2f..%2fadmin%2fkeys',
  'https://evil.example/steal',
  '//evil.example/steal',
  'javascript:alert(1)',
];

function recorded() {
  const sent: Array<{ url: string; body: string | undefined }> = [];
  const v = simulatedVendors();
  const inner = v.fetch;
  const record: typeof fetch = async (input, init) => {
    sent.push({ url: String(input), body: typeof init?.body === 'string' ? init.body : undefined });
    return inner(input, init);
  };
  return { v: simulatedVendors({}, { fetch: record }), sent };
}

describe('a hostile cursor never moves a request off its endpoint, for every source kind', () => {
  const { v } = recorded();
  const cases = Object.entries(v.sources).map(([name, source]) => [name, source] as const);
  const vendorOf: Record<string, keyof typeof v.runners> = {
    classes: 'dingtalk',
    events: 'dingtalk',
    adjustments: 'dingtalk',
    users: 'lineworks',
    calendars: 'lineworks',
    conversations: 'dashly',
    parts: 'dashly',
    conversationsV1: 'dashly',
    customers: 'mews',
    reservations: 'mews',
    offsetItems: 'generic',
    linkedItems: 'generic',
    orders: 'generic',
  };

  it.each(cases)(
    '%s',
    async (name, source) => {
      const vendor = vendorOf[name];
      expect(vendor, `a vendor for ${name}`).toBeDefined();
      const { v: fresh, sent } = recorded();
      const runner = fresh.runners[vendor!];
      const first = (source as Source<unknown>).kind === 'page' ? undefined : null;
      // The endpoint the source's first page goes to.
      await runner.fetchPage(source as Source<unknown>, { cursor: first ?? null }).catch(() => {});
      const endpoint = new URL(sent.at(-1)!.url).pathname;
      for (const cursor of HOSTILE) {
        sent.length = 0;
        const error = await runner.fetchPage(source as Source<unknown>, { cursor, size: 5 }).then(
          () => undefined,
          (e: unknown) => e,
        );
        for (const request of sent.filter((r) => !/oauth2/i.test(r.url))) {
          const url = new URL(request.url);
          expect(url.origin, `${name} with ${cursor}`).toBe(
            new URL(fresh.baseUrls[vendor!]).origin,
          );
          expect(url.pathname, `${name} with ${cursor}`).toBe(endpoint);
        }
        if (!sent.some((r) => !/oauth2/i.test(r.url)))
          expect(error, `${name} with ${cursor}`).toMatchObject({ code: 'INVALID_CURSOR' });
      }
    },
    30_000,
  );
});
