/** A body longer than a route reads. */
export class TooLarge extends Error {}

/**
 * A request's or a response's body as text, read as a stream and given up as soon as it passes
 * `limit` bytes: a 300 MB upload (chunked, without a length) or a vendor's flood costs `limit`
 * bytes of memory, not its size. A declared `content-length` over the limit stops it at once.
 */
export async function readLimited(
  message: { body: ReadableStream<Uint8Array> | null; headers: Headers },
  limit: number,
): Promise<string> {
  if (Number(message.headers.get('content-length') ?? 0) > limit) {
    await message.body?.cancel().catch(() => {});
    throw new TooLarge();
  }
  if (!message.body) return '';
  const reader = message.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}
