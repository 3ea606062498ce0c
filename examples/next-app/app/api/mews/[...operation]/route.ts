import { mewsEnvironment } from '../../../../lib/mews-credentials';
import { readLimited, TooLarge } from '../../../../lib/read-limited';

/** The Mews operations the browser may call through this route, and nothing else. */
const OPERATIONS = new Set([
  'api/connector/v1/customers/getAll',
  'api/connector/v1/reservations/getAll/2023-06-06',
]);
const BODY_LIMIT = 64 * 1024;
/** The largest Mews answer passed on (a page of 1,000 reservations is a few MB). */
const ANSWER_LIMIT = 32 * 1024 * 1024;

const refuse = (status: number, error: string) => Response.json({ error }, { status });

/**
 * The browser's Mews calls (`createRequestRunner({ baseUrl: '/api/mews' })`): the route adds the
 * credentials, which never reach the browser, and forwards to Mews. Only this app's own pages
 * may call it (a JSON body, which another origin cannot send without a CORS preflight this
 * route never answers, and `Sec-Fetch-Site`).
 */
// A real app also checks who is asking here (its session) before spending the Mews account's
// credentials on the call: this example has no users. See docs/security.md.
export async function POST(
  request: Request,
  context: { params: Promise<{ operation: string[] }> },
): Promise<Response> {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return refuse(403, 'cross-site call');
  if (!request.headers.get('content-type')?.startsWith('application/json'))
    return refuse(415, 'a JSON body is expected');
  const operation = (await context.params).operation.join('/');
  if (!OPERATIONS.has(operation)) return refuse(404, 'unknown operation');
  // Read as a stream and given up past the limit: a chunked upload of any size costs 64 KB.
  let text: string;
  try {
    text = await readLimited(request, BODY_LIMIT);
  } catch (error) {
    if (error instanceof TooLarge) return refuse(413, 'body too large');
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, 'the body is not JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return refuse(400, 'the body is not a JSON object');
  const { baseUrl, credentials } = mewsEnvironment();
  try {
    const answer = await fetch(`${baseUrl.replace(/\/$/, '')}/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...body,
        ClientToken: credentials.clientToken,
        AccessToken: credentials.accessToken,
      }),
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
      cache: 'no-store',
    });
    if (answer.status >= 300 && answer.status < 400)
      return refuse(502, 'Mews could not be reached');
    // Only the status, the JSON body and a rate limit's Retry-After go back: the browser's runner
    // waits as Mews asks (or reports RATE_LIMITED with retryAfterMs at once) instead of retrying
    // blind; no other vendor header reaches the browser.
    const retryAfter = answer.headers.get('retry-after');
    return new Response(await readLimited(answer, ANSWER_LIMIT), {
      status: answer.status,
      headers: {
        'content-type': 'application/json',
        'x-content-type-options': 'nosniff',
        ...(retryAfter && (answer.status === 429 || answer.status === 503)
          ? { 'retry-after': retryAfter }
          : {}),
      },
    });
  } catch {
    return refuse(502, 'Mews could not be reached');
  }
}
