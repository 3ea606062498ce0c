import {
  DASHLY_CREDENTIALS,
  DINGTALK_CREDENTIALS,
  LINEWORKS_CREDENTIALS,
  MEWS_CREDENTIALS,
  type SimulatorSetOptions,
  simulatedVendors,
  type VendorName,
  type VendorSources,
} from '@pagewise/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paginate } from '../paginate.js';
import type { Source } from '../types.js';

/**
 * One conformance suite for every adapter, table-driven: each row names the vendor's simulator,
 * the source, the size limit, how the vendor ends a list and what it does with a cursor it
 * refuses. Every adapter is held to the same contract: every item once and nothing fetched past
 * the end (also when the last page is exactly full), sizes clamped before they are sent, an
 * invalid cursor restarted or reported, an expired token refreshed invisibly, no secret in an
 * error or an event, and a walk resumed from a saved cursor.
 */
interface Row {
  name: string;
  vendor: VendorName;
  source: keyof VendorSources;
  /** Simulator options for n items. */
  data(n: number): SimulatorSetOptions;
  max: number;
  /** Requests past the last item a full last page costs (Mews answers a Cursor on it). */
  fullLastPageExtra: 0 | 1;
  invalidCursor: 'restart' | 'fail' | 'none';
  /** Whether the vendor's access tokens expire (a token provider refreshes them). */
  expiringToken: boolean;
  secrets: string[];
}

const sized = (vendor: VendorName, collection: string) => (n: number) =>
  vendor === 'generic'
    ? { generic: { size: n } }
    : ({ [vendor]: { sizes: { [collection]: n } } } as SimulatorSetOptions);

const ROWS: Row[] = [
  {
    name: 'DingTalk nextToken',
    vendor: 'dingtalk',
    source: 'classes',
    data: sized('dingtalk', 'classes'),
    max: 500,
    fullLastPageExtra: 0,
    invalidCursor: 'restart',
    expiringToken: true,
    secrets: [DINGTALK_CREDENTIALS.appSecret],
  },
  {
    name: 'DingTalk pageNumber',
    vendor: 'dingtalk',
    source: 'adjustments',
    data: sized('dingtalk', 'adjustments'),
    max: 200,
    fullLastPageExtra: 0,
    invalidCursor: 'none',
    expiringToken: true,
    secrets: [DINGTALK_CREDENTIALS.appSecret],
  },
  {
    name: 'LINE WORKS nextCursor',
    vendor: 'lineworks',
    source: 'users',
    data: sized('lineworks', 'users'),
    max: 100,
    fullLastPageExtra: 0,
    invalidCursor: 'fail',
    expiringToken: true,
    secrets: [LINEWORKS_CREDENTIALS.clientSecret],
  },
  {
    name: 'Dashly positions',
    vendor: 'dashly',
    source: 'conversations',
    data: sized('dashly', 'conversations'),
    max: 50,
    fullLastPageExtra: 0,
    invalidCursor: 'fail',
    expiringToken: false,
    secrets: [DASHLY_CREDENTIALS.authToken],
  },
  {
    name: 'Mews Limitation cursor',
    vendor: 'mews',
    source: 'customers',
    data: sized('mews', 'customers'),
    max: 1000,
    fullLastPageExtra: 1,
    invalidCursor: 'fail',
    expiringToken: false,
    secrets: [MEWS_CREDENTIALS.clientToken, MEWS_CREDENTIALS.accessToken],
  },
  {
    name: 'offset/limit',
    vendor: 'generic',
    source: 'offsetItems',
    data: sized('generic', 'items'),
    max: 100,
    fullLastPageExtra: 0,
    invalidCursor: 'none',
    expiringToken: false,
    secrets: [],
  },
  {
    name: 'Link header',
    vendor: 'generic',
    source: 'linkedItems',
    data: sized('generic', 'items'),
    max: 100,
    fullLastPageExtra: 0,
    invalidCursor: 'none',
    expiringToken: false,
    secrets: [],
  },
];

afterEach(() => vi.restoreAllMocks());

function setup(row: Row, n: number, faults: object = {}) {
  const data = row.data(n);
  const options = data[row.vendor] as { faults?: object };
  options.faults = faults;
  const v = simulatedVendors(data);
  const source = v.sources[row.source] as Source<unknown>;
  const runner = v.runners[row.vendor];
  const lists = () => v.sims[row.vendor].log.entries.filter((e) => !/token/i.test(e.path));
  return { v, source, runner, lists };
}

describe.each(ROWS)('$name conforms', (row) => {
  it.each([
    ['a short last page', 47],
    ['an exactly full last page', 40],
  ])('walks every item once and fetches nothing past the end, with %s', async (_, n) => {
    const { source, runner, lists } = setup(row, n);
    const keys = (await paginate(source, { runner, size: 10 }).toArray()).map(source.key);
    expect(keys).toHaveLength(n);
    expect(new Set(keys).size).toBe(n);
    const pages = Math.ceil(n / 10);
    const extra = n % 10 === 0 ? row.fullLastPageExtra : 0;
    expect(lists()).toHaveLength(pages + extra);
  });

  it('clamps a size beyond the vendor limit before sending it, with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { source, runner, lists } = setup(row, row.max + 5);
    await paginate(source, { runner, size: row.max * 3 }).toArray();
    expect(Math.max(...lists().map((e) => e.size ?? 0))).toBe(row.max);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('resumes from a saved cursor and hands out the rest, each once', async () => {
    const { source, runner } = setup(row, 95);
    const all = (await paginate(source, { runner, size: 10 }).toArray()).map(source.key);
    let saved: string | null = null;
    const first: string[] = [];
    for await (const page of paginate(source, { runner, size: 10, maxPages: 3 })) {
      first.push(...page.items.map(source.key));
      saved = page.next;
    }
    const rest = (await paginate(source, { runner, size: 10, from: saved }).toArray()).map(
      source.key,
    );
    expect([...first, ...rest]).toEqual(all);
  });

  it.skipIf(row.invalidCursor === 'none')(
    'restarts or reports a cursor the vendor refuses',
    async () => {
      const { source, runner } = setup(row, 60, { invalidCursorOnRequest: 2 });
      const walk = paginate(source, { runner, size: 10 }).toArray();
      if (row.invalidCursor === 'restart') {
        const keys = (await walk).map(source.key);
        expect(new Set(keys).size).toBe(60);
        expect(keys).toHaveLength(60);
      } else
        await expect(walk).rejects.toMatchObject({
          code: 'INVALID_CURSOR',
          provider: source.provider,
        });
    },
  );

  it.skipIf(!row.expiringToken)(
    'refreshes an expired token without the caller seeing it',
    async () => {
      const { v, source, runner } = setup(row, 80, { tokenExpiresAfterRequests: 2 });
      expect(await paginate(source, { runner, size: 10 }).toArray()).toHaveLength(80);
      const tokenRequests = v.sims[row.vendor].log.entries.filter((e) => /token/i.test(e.path));
      expect(tokenRequests.length).toBeGreaterThan(1);
    },
  );

  it('keeps its secrets out of errors and request events', async () => {
    const { v, source, runner } = setup(row, 30);
    await runner.fetchPage(source, { cursor: null }); // a token, when the vendor needs one, is cached
    v.sims[row.vendor].injectOnce({ kind: 'server-error', status: 400 });
    const error = await runner.fetchPage(source, { cursor: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', provider: source.provider, status: 400 });
    const shown = JSON.stringify({
      error,
      message: String(error),
      request: (error as { request: unknown }).request,
      events: v.events,
    });
    for (const secret of row.secrets) expect(shown).not.toContain(secret);
  });
});

describe('vendor rules beyond the common contract', () => {
  it('Mews: with Extents, the end is read from the entity Count limits, not from the items asked for', async () => {
    const { runners } = simulatedVendors({ mews: { sizes: { customers: 45 } } });
    const { mewsGetAll } = await import('./mews.js');
    const credentials = {
      clientToken: MEWS_CREDENTIALS.clientToken,
      accessToken: MEWS_CREDENTIALS.accessToken,
    };
    const documents = mewsGetAll<{ Id: string; CustomerId: string }>({
      entity: 'customers',
      items: 'Documents',
      counted: 'Customers',
      body: { Extents: { Customers: true, Documents: true } },
      credentials,
    });
    const pages = [];
    for await (const page of paginate(documents, { runner: runners.mews, size: 10 }))
      pages.push(page);
    expect(pages).toHaveLength(5); // 10 + 10 + 10 + 10 + 5 customers, whatever the documents
    const withoutCustomers = mewsGetAll<{ Id: string }>({
      entity: 'customers',
      items: 'Documents',
      counted: 'Customers',
      body: { Extents: { Customers: false, Documents: true } },
      credentials,
    });
    const walked = [];
    for await (const page of paginate(withoutCustomers, { runner: runners.mews, size: 10 }))
      walked.push(page);
    expect(walked).toHaveLength(6); // no counted entity: only a null Cursor ends the walk
  });

  it('Dashly: positions go back digit for digit, also when no number exceeds 2^53', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dashly: { sizes: { conversations: 40 } },
    });
    await paginate(sources.conversations, { runner: runners.dashly, size: 10 }).toArray();
    const log = sims.dashly.log.entries;
    for (let i = 1; i < log.length; i++) expect(log[i]!.cursorIn).toBe(log[i - 1]!.cursorOut);
    const text = '{"data":[{"id":7}],"meta":{"next_before_position":[1684739969.3580850,7]}}';
    const small = sources.parts.parse(sources.parts.decode!(text), {
      size: 1,
      direction: 'after',
      cursor: null,
      status: 200,
      headers: new Headers(),
    });
    expect(small.next).toBe('[1684739969.3580850,7]'); // the trailing zero stays
  });
});
