/** The largest vendor answer the demo passes on (a page of 1,000 Mews reservations is a few MB). */
export const ANSWER_LIMIT = 32 * 1024 * 1024;

/**
 * A vendor's answer read as a stream, given up past `limit` bytes (counted inflated: `fetch`
 * undoes gzip): a flood costs the limit, not its size. The answer comes back whole, as text.
 */
export async function readAnswer(answer: Response, limit = ANSWER_LIMIT): Promise<Response> {
  if (!answer.body) return answer;
  const reader = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new Error(`the vendor's answer is over ${limit} bytes`);
    }
    chunks.push(value);
  }
  return new Response(Buffer.concat(chunks), { status: answer.status, headers: answer.headers });
}
