import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { paginate } from '../paginate.js';
import { lineworksList } from './lineworks.js';

describe('LINE WORKS lists', () => {
  it('walks with count + cursor and ends when responseMetaData.nextCursor is absent', async () => {
    const { sims, runners, sources } = simulatedVendors({ lineworks: { sizes: { users: 1234 } } });
    const users = await paginate(sources.users, { runner: runners.lineworks, size: 100 }).toArray();
    expect(users).toHaveLength(1234);
    expect(new Set(users.map((u) => u.userId)).size).toBe(1234);
    const lists = sims.lineworks.log.entries.filter((e) => e.path === '/v1.0/users');
    expect(lists).toHaveLength(13);
    expect(lists[0]!.params).toEqual({ count: '100' });
  });

  it('sends the base64 cursor back exactly as received, URL-encoded', async () => {
    const { sims, runners, sources } = simulatedVendors({ lineworks: { sizes: { users: 3000 } } });
    await paginate(sources.users, { runner: runners.lineworks, size: 100 }).toArray();
    const lists = sims.lineworks.log.entries.filter((e) => e.path === '/v1.0/users');
    expect(lists.every((e) => e.status === 200)).toBe(true);
    const cursors = lists.map((e) => e.cursorOut).filter((c): c is string => !!c);
    expect(cursors.some((c) => /[+/=]/.test(c))).toBe(true);
    for (let i = 1; i < lists.length; i++) expect(lists[i]!.cursorIn).toBe(lists[i - 1]!.cursorOut);
    const first = runners.lineworks;
    expect(first.baseUrl).toBe('https://www.worksapis.com');
    const request = sources.users.request({ cursor: 'a+b/c==', direction: 'after', size: 10 });
    expect(request.query).toEqual({ count: '10', cursor: 'a+b/c==' });
  });

  it('reads the docs example response', () => {
    const source = lineworksList<unknown>({
      path: '/v1.0/users/me/calendars',
      items: 'calendars',
      maxCount: 100,
      key: String,
    });
    const page = source.parse(
      JSON.parse(
        '{    "calendars": [        {        },        {        }    ],    "responseMetaData": {        "nextCursor": "kBhFZjtIFJKDiX1rE78vAg=="    }}',
      ),
      { size: 2, direction: 'after', cursor: null, status: 200, headers: new Headers() },
    );
    expect(page).toEqual({ items: [{}, {}], next: 'kBhFZjtIFJKDiX1rE78vAg==' });
  });

  it('takes the endpoint maxCount as its limit and default', () => {
    expect(lineworksList({ path: '/x', items: 'x', maxCount: 100, key: String }).limits).toEqual({
      min: 1,
      max: 100,
      default: 100,
    });
  });
});
