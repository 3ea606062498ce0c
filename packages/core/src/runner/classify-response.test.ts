import { vendorSources } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import type { Source } from '../types.js';
import type { FailAttempt } from './attempt-error.js';
import { classifyResponse, codeOfStatus, decodeBody } from './classify-response.js';

const sources = vendorSources();
const fail: FailAttempt = (code, message, details) =>
  new PaginationError(code, message, { provider: 'test', ...details });
const answer = (status: number, text: string, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  text,
});
const classify = (source: Source<unknown>, status: number, text: string, headers = {}) =>
  classifyResponse(source, answer(status, text, headers), fail);

describe('runner step 3: decode', () => {
  it('parses JSON, keeps big numbers exact where the source decodes losslessly, and keeps text that is not JSON', () => {
    expect(decodeBody(sources.users as Source<unknown>, '{"a":1}')).toEqual({
      body: { a: 1 },
      decoded: true,
    });
    expect(decodeBody(sources.users as Source<unknown>, '<html>')).toEqual({
      body: '<html>',
      decoded: false,
    });
    expect(decodeBody(sources.users as Source<unknown>, '')).toEqual({
      body: undefined,
      decoded: true,
    });
    const dashly = decodeBody(
      sources.conversations as Source<unknown>,
      '{"id":1160406004324630614}',
    );
    expect(String((dashly.body as { id: unknown }).id)).toBe('1160406004324630614');
  });
});

describe('runner step 4: classify', () => {
  it('a 2xx JSON body is a page body', () => {
    expect(classify(sources.users as Source<unknown>, 200, '{"users":[]}')).toEqual({
      ok: true,
      body: { users: [] },
    });
  });

  it('a 2xx that is HTML, truncated or empty is BAD_RESPONSE naming the body', () => {
    for (const [text, said] of [
      ['<!DOCTYPE html>', /HTML/],
      ['{"users": [', /not valid JSON/],
      ['', /empty body/],
    ] as const)
      expect(() => classify(sources.users as Source<unknown>, 200, text)).toThrow(
        expect.objectContaining({
          code: 'BAD_RESPONSE',
          field: 'body',
          reason: expect.stringMatching(said),
        }),
      );
  });

  it('a token error asks for a refresh, in an HTTP error or in a 200 body (DingTalk)', () => {
    expect(
      classify(sources.classes as Source<unknown>, 401, '{"code":"40001","message":"expired"}'),
    ).toMatchObject({ tokenRefused: true, said: 'expired' });
    expect(
      classify(sources.classes as Source<unknown>, 200, '{"errcode":40014,"errmsg":"bad"}'),
    ).toMatchObject({ tokenRefused: true });
  });

  it('a vendor error body is its typed error; otherwise the status says it, with Retry-After', () => {
    expect(() =>
      classify(sources.classes as Source<unknown>, 200, '{"errcode":60011,"errmsg":"no right"}'),
    ).toThrow(expect.objectContaining({ code: 'VENDOR_ERROR' }));
    expect(() =>
      classify(sources.customers as Source<unknown>, 400, '{"Message":"Invalid cursor."}'),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    expect(() =>
      classify(sources.users as Source<unknown>, 429, '{}', { 'retry-after': '3' }),
    ).toThrow(expect.objectContaining({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 3000 }));
    expect(() => classify(sources.users as Source<unknown>, 503, '{"description":"down"}')).toThrow(
      expect.objectContaining({ code: 'SERVER_ERROR', reason: 'HTTP 503: down' }),
    );
  });

  it('maps statuses to codes', () => {
    expect([429, 500, 502, 401, 403, 400, 404, 302].map(codeOfStatus)).toEqual([
      'RATE_LIMITED',
      'SERVER_ERROR',
      'SERVER_ERROR',
      'UNAUTHORIZED',
      'UNAUTHORIZED',
      'BAD_REQUEST',
      'BAD_REQUEST',
      'VENDOR_ERROR',
    ]);
  });
});
