import { describe, expect, it } from 'vitest';
import { isSecretName, REDACTED, redactRequest, redactText, secretsOf } from './redact.js';

describe('one redaction policy', () => {
  it('knows credential names, and leaves positions and paging parameters alone', () => {
    for (const name of [
      'authorization',
      'x-acs-dingtalk-access-token',
      'ClientToken',
      'AccessToken',
      'appSecret',
      'auth_token',
      'api_key',
      'apiKey',
      'key',
      'sig',
      'auth',
      'x-auth',
      'code',
      'sessionid',
      'x-session-id',
      'private_key',
      'credential',
      'password',
      'cookie',
    ])
      expect([name, isSecretName(name)]).toEqual([name, true]);
    for (const name of [
      'nextToken',
      'syncToken',
      'pageToken',
      'cursor',
      'count',
      'paginate_position',
      'monkey',
      'keyword',
      'Limitation',
    ])
      expect([name, isSecretName(name)]).toEqual([name, false]);
  });

  it('redacts headers, query parameters, body fields, URLs inside values and string bodies', () => {
    const safe = redactRequest({
      method: 'POST',
      path: 'https://api.example.com/items?access_token=S3CRET-1&page=2',
      query: { cursor: '/items?page=3&sig=S3CRET-2', count: '10' },
      headers: { authorization: 'Bearer S3CRET-3', accept: 'application/json' },
      body: JSON.stringify({
        ClientToken: 'S3CRET-4',
        Limitation: { Count: 10 },
        nested: { private_key: 'S3CRET-5' },
      }),
    });
    const text = JSON.stringify(safe);
    for (const n of [1, 2, 3, 4, 5]) expect(text).not.toContain(`S3CRET-${n}`);
    expect(safe.path).toBe(`https://api.example.com/items?access_token=${REDACTED}&page=2`);
    expect(safe.query?.count).toBe('10');
    expect(JSON.parse(safe.body as string).Limitation).toEqual({ Count: 10 });
    const form = redactRequest({
      method: 'POST',
      path: '/t',
      body: 'grant_type=x&client_secret=S3CRET-6',
    });
    expect(form.body).toBe(`grant_type=x&client_secret=${REDACTED}`);
  });

  it('scrubs every secret a request carries from a vendor message that echoes it, raw or URL-encoded', () => {
    const request = {
      method: 'POST' as const,
      path: '/getAll',
      body: { ClientToken: 'E0D4+39EE/52', AccessToken: 'C66E=F7B239' },
      headers: { 'x-auth': 'Token abcdef123' },
    };
    const secrets = secretsOf(request);
    const echoed = `Invalid ClientToken E0D4+39EE/52, ${encodeURIComponent('C66E=F7B239')}, abcdef123; see https://x/y?key=zzz999&a=1`;
    const scrubbed = redactText(echoed, secrets);
    expect(scrubbed).not.toMatch(/E0D4|C66E|abcdef123|zzz999/);
    expect(scrubbed).toContain('a=1');
  });
});

describe('redaction gaps found in review', () => {
  it('covers fragments, values under secret names whatever their shape, deep nesting, more names', () => {
    const safe = redactRequest({
      method: 'POST',
      path: '/cb#access_token=SECRET-FRAG&x=1',
      body: {
        credentials: { value: 'SECRET-OBJ' },
        tokens: ['SECRET-ARR'],
        a: { b: { c: { d: { e: { f: { g: { h: { i: { j: 'SECRET-DEEP' } } } } } } } } },
        sign: 'SECRET-SIGN',
        PHPSESSID: 'SECRET-SID1',
        sid: 'SECRET-SID2',
        passphrase: 'SECRET-PASS',
        client_assertion: 'SECRET-JWT1',
        jwt: 'SECRET-JWT2',
        apiKeys: ['SECRET-KEYS'],
      },
    });
    expect(JSON.stringify(safe)).not.toMatch(/SECRET-/);
    expect(safe.path).toBe(`/cb#access_token=${REDACTED}&x=1`);
  });

  it('scrubs free text: pairs after a space or a quote, JSON fields, nested encoded URLs, any-case percent escapes', () => {
    const text = [
      'failed access_token=SECRET-1 here',
      `"token=SECRET-2"`,
      '{"access_token": "SECRET-3", "ok": "yes"}',
      'next=%2Fitems%3Fpage%3D2%26access_token%3DSECRET-4',
      `echo ${encodeURIComponent('a+b/c=SECRET-5').toLowerCase()}`,
    ].join(' | ');
    const out = redactText(text, ['a+b/c=SECRET-5']);
    expect(out).not.toMatch(/SECRET-/);
    expect(out).toContain('"ok": "yes"');
    expect(out).toContain('page%3D2');
  });
});
