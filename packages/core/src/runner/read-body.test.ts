import { describe, expect, it } from 'vitest';
import { BodyTooLarge, readBody } from './read-body.js';

/** A response whose body arrives in these byte chunks, recording whether it was cancelled. */
function chunked(parts: Uint8Array[], headers: HeadersInit = {}) {
  const seen = { cancelled: false, pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts[seen.pulled++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(stream, { headers }), seen };
}

describe('readBody', () => {
  it('joins chunks that split a character in two', async () => {
    const bytes = new TextEncoder().encode('{"name":"Zoë 東京"}');
    const cut = bytes.indexOf(0xc3) + 1; // inside "ë"
    const { response } = chunked([
      bytes.slice(0, cut),
      bytes.slice(cut, cut + 3),
      bytes.slice(cut + 3),
    ]);
    expect(await readBody(response, 1024)).toBe('{"name":"Zoë 東京"}');
  });

  it('reads a single chunk and an empty body', async () => {
    expect(await readBody(new Response('{"a":1}'), 1024)).toBe('{"a":1}');
    expect(await readBody(new Response(''), 1024)).toBe('');
    expect(await readBody(new Response(null, { status: 204 }), 1024)).toBe('');
  });

  it('stops reading and cancels the stream once the limit is passed', async () => {
    const kb = new Uint8Array(1024).fill(0x61);
    const { response, seen } = chunked([kb, kb, kb, kb, kb]);
    await expect(readBody(response, 2048)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(4);
  });

  it('refuses a declared content-length over the limit before reading', async () => {
    const { response, seen } = chunked([new Uint8Array(10)], { 'content-length': '5000' });
    await expect(readBody(response, 1024)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it('replaces invalid UTF-8 instead of failing, as fetch().text() does', async () => {
    const { response } = chunked([new Uint8Array([0x7b, 0xff, 0x7d])]);
    expect(await readBody(response, 1024)).toBe(
      await new Response(new Uint8Array([0x7b, 0xff, 0x7d])).text(),
    );
  });
});
