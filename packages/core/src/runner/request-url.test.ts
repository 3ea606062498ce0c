import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import type { PageRequest } from '../types.js';
import type { FailAttempt } from './attempt-error.js';
import { requestUrl } from './request-url.js';

const fail: FailAttempt = (code, message, details) =>
  new PaginationError(code, message, { provider: 'test', ...details });
const refused = (code: string) => expect.objectContaining({ code });

describe('runner step 1: the request URL', () => {
  it('builds the URL under the base URL with the query', () => {
    expect(
      requestUrl(
        'https://api.example.com/v1/',
        { method: 'GET', path: '/items', query: { a: '1 2', b: '+/=' } },
        fail,
      ),
    ).toBe('https://api.example.com/v1/items?a=1+2&b=%2B%2F%3D');
    expect(requestUrl('/api/mews', { method: 'POST', path: '/x' }, fail)).toBe('/api/mews/x');
  });

  it('an absolute path only on the base URL’s origin and under its path', () => {
    const base = 'https://api.example.com/v1';
    expect(
      requestUrl(base, { method: 'GET', path: 'https://api.example.com/v1/p?page=2' }, fail),
    ).toBe('https://api.example.com/v1/p?page=2');
    for (const path of ['https://evil.example/v1/p', 'https://api.example.com/admin/keys'])
      expect(() => requestUrl(base, { method: 'GET', path }, fail)).toThrow(
        refused('INVALID_CURSOR'),
      );
  });

  it('a source path that climbs out of the base path is BAD_REQUEST, however it is written', () => {
    const base = 'https://api.example.com/tenants/acme/api';
    for (const path of [
      '/../../admin/keys',
      '/orders/../../../admin',
      '/%2e%2e/%2e%2e/admin',
      '/.%2E/.%2e/admin',
      '/orders\\..\\..\\..\\admin',
      '/orders%2f..%2f..%2fadmin',
      '/orders%5c..%5cadmin',
    ])
      expect(() => requestUrl(base, { method: 'GET', path }, fail), path).toThrow(PaginationError);
    expect(() =>
      requestUrl('https://api.example.com', { method: 'GET', path: '//evil.example/x' }, fail),
    ).toThrow(refused('BAD_REQUEST'));
    // Dot segments that stay inside the base are only normalised.
    expect(requestUrl(base, { method: 'GET', path: '/x/../orders' }, fail)).toBe(
      'https://api.example.com/tenants/acme/api/orders',
    );
  });
});

describe('runner step 1: following a vendor link (a cursor is a position, never a place)', () => {
  const base = 'https://vendor.example/tenants/acme/api';
  const follow = (link: string, baseUrl = base, linkBaseUrl?: string) =>
    requestUrl(baseUrl, { method: 'GET', path: '/orders', link } as PageRequest, fail, linkBaseUrl);

  it('follows a link to the source’s endpoint: absolute, root-relative, relative, query-only', () => {
    const want = 'https://vendor.example/tenants/acme/api/orders?page=2';
    expect(follow('https://vendor.example/tenants/acme/api/orders?page=2')).toBe(want);
    expect(follow('/tenants/acme/api/orders?page=2')).toBe(want);
    expect(follow('orders?page=2')).toBe(want);
    expect(follow('?page=2')).toBe(want);
    expect(follow('./orders/?page=2')).toBe(
      `https://vendor.example/tenants/acme/api/orders/?page=2`,
    );
  });

  it('a root-relative link under a base path is not put under it twice', () => {
    expect(
      requestUrl('/api', { method: 'GET', path: '/tickets', link: '/api/tickets?page=2' }, fail),
    ).toBe('/api/tickets?page=2');
  });

  it('refuses, before anything is sent, a link that leaves the base path or the endpoint', () => {
    for (const link of [
      '/../../../admin/keys',
      '/tenants/acme/api/orders/../../../../admin/keys',
      '../../admin/keys',
      'http://vendor.example/admin/users?role=all',
      'https://vendor.example/admin/users?role=all',
      'https://vendor.example/tenants/acme/api/users',
      'https://vendor.example/tenants/acme/api/orders/42',
      'https://vendor.example/tenants/other/api/orders',
      '/tenants/acme/api/orders/%2e%2e/%2e%2e/%2e%2e/admin',
      '/tenants/acme/api/orders%2f..%2f..%2fadmin',
      '/tenants/acme/api/orders%5c..%5cadmin',
      '/tenants/acme/api/orders%00',
      '/tenants/acme/api/orders/..;/..;/..;/admin',
      '/tenants/acme/api/orders/%2e%2e;/%2E%2E;/.%2e;/admin',
      'https://evil.example/tenants/acme/api/orders',
      '//evil.example/tenants/acme/api/orders',
      'https://user:pw@vendor.example/tenants/acme/api/orders',
      'javascript:alert(1)',
      'http://[::bad',
    ])
      expect(() => follow(link), link).toThrow(refused('INVALID_CURSOR'));
  });

  it('behind a proxy, maps the vendor’s links onto the base URL, under the same checks', () => {
    const proxy = (link: string) =>
      requestUrl(
        '/api/github',
        { method: 'GET', path: '/repos/o/r/issues', link },
        fail,
        'https://api.github.com',
      );
    expect(proxy('https://api.github.com/repos/o/r/issues?page=2&per_page=30')).toBe(
      '/api/github/repos/o/r/issues?page=2&per_page=30',
    );
    expect(proxy('/repos/o/r/issues?page=3')).toBe('/api/github/repos/o/r/issues?page=3');
    expect(() => proxy('https://api.github.com/user/keys')).toThrow(refused('INVALID_CURSOR'));
    expect(() => proxy('https://evil.example/repos/o/r/issues')).toThrow(refused('INVALID_CURSOR'));
    expect(() => proxy('https://api.github.com/repos/o/r/issues/../../../../user')).toThrow(
      refused('INVALID_CURSOR'),
    );
  });
});
