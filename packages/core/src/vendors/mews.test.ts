import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { paginate } from '../paginate.js';
import { mewsGetAll } from './mews.js';

const ctx = { direction: 'after' as const, cursor: null, status: 200, headers: new Headers() };

describe('Mews getAll', () => {
  it('sends the docs example body: tokens, Client and Limitation {Cursor, Count}', () => {
    const source = mewsGetAll({
      entity: 'customers',
      items: 'Customers',
      client: 'Sample Client 1.0.0',
      credentials: { clientToken: 'CT', accessToken: 'AT' },
    });
    expect(
      source.request({
        cursor: 'e7f26210-10e7-462e-9da8-ae8300be8ab7',
        direction: 'after',
        size: 10,
      }),
    ).toEqual({
      method: 'POST',
      path: '/api/connector/v1/customers/getAll',
      body: {
        ClientToken: 'CT',
        AccessToken: 'AT',
        Client: 'Sample Client 1.0.0',
        Limitation: { Cursor: 'e7f26210-10e7-462e-9da8-ae8300be8ab7', Count: 10 },
      },
    });
    expect(source.request({ cursor: null, direction: 'after', size: 10 }).body).toMatchObject({
      Limitation: { Cursor: null, Count: 10 },
    });
  });

  it('leaves the secrets out when it has no credentials (a browser talking to its backend)', () => {
    const source = mewsGetAll({ entity: 'customers', items: 'Customers' });
    const body = source.request({ cursor: null, direction: 'after', size: 10 }).body as Record<
      string,
      unknown
    >;
    expect(body).not.toHaveProperty('ClientToken');
    expect(body).not.toHaveProperty('AccessToken');
  });

  it('reads the docs example response: a Cursor on a full page continues', () => {
    const source = mewsGetAll({ entity: 'customers', items: 'Data' });
    const page = source.parse(
      { Data: [{ Id: 'a' }], Cursor: '7f9325f6-ef44-4911-89a8-ae51010a5aa4' },
      { ...ctx, size: 1 },
    );
    expect(page.next).toBe('7f9325f6-ef44-4911-89a8-ae51010a5aa4');
  });

  it('ends on fewer than Count items even though Mews still sends a Cursor', async () => {
    const { sims, runners, sources } = simulatedVendors({ mews: { sizes: { customers: 250 } } });
    const items = await paginate(sources.customers, { runner: runners.mews, size: 100 }).toArray();
    expect(items).toHaveLength(250);
    const log = sims.mews.log.entries;
    expect(log).toHaveLength(3);
    expect(log.at(-1)!.cursorOut).not.toBeNull(); // Mews returned a Cursor on the last page…
    expect(log.at(-1)!.itemCount).toBe(50); // …but fewer than Count items: the end
  });

  it('ends on a null Cursor when the last page was exactly full', async () => {
    const { sims, runners, sources } = simulatedVendors({ mews: { sizes: { customers: 200 } } });
    expect(
      await paginate(sources.customers, { runner: runners.mews, size: 100 }).toArray(),
    ).toHaveLength(200);
    expect(sims.mews.log.entries.map((e) => e.itemCount)).toEqual([100, 100, 0]);
  });

  it('walks newest to oldest', async () => {
    const { runners, sources } = simulatedVendors({ mews: { sizes: { reservations: 500 } } });
    const items = await paginate(sources.reservations, {
      runner: runners.mews,
      size: 1000,
    }).toArray();
    const times = items.map((r) => r.CreatedUtc);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('keeps Count within 1–1000 and reports refused credentials and cursors with their codes, secrets redacted', async () => {
    const { sims, runners, sources, fetch } = simulatedVendors({
      mews: { sizes: { customers: 5 } },
    });
    await runners.mews.fetchPage(sources.customers, { cursor: null, size: 5000 });
    expect(sims.mews.log.entries.at(-1)!.size).toBe(1000);
    const bad = mewsGetAll({
      entity: 'customers',
      items: 'Customers',
      credentials: { clientToken: 'WRONG-CLIENT-TOKEN', accessToken: 'WRONG-ACCESS-TOKEN' },
    });
    const error = await runners.mews.fetchPage(bad, { cursor: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', provider: 'mews', status: 401 });
    expect(JSON.stringify((error as { request: unknown }).request)).not.toContain(
      'WRONG-ACCESS-TOKEN',
    );
    await expect(
      runners.mews.fetchPage(sources.customers, { cursor: 'not-an-id' }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    expect(fetch).toBeTypeOf('function');
  });
});
