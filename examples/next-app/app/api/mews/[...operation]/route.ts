import { mewsEnvironment } from '../../../../lib/mews-credentials';

/** The Mews operations the browser may call through this route, and nothing else. */
const OPERATIONS = new Set([
  'api/connector/v1/customers/getAll',
  'api/connector/v1/reservations/getAll/2023-06-06',
]);
const BODY_LIMIT = 64 * 1024;

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
  // The size is checked before the body is read (a declared length), and in bytes after.
  if (Number(request.headers.get('content-length') ?? 0) > BODY_LIMIT)
    return refuse(413, 'body too large');
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > BODY_LIMIT) return refuse(413, 'body too large');
  const text = new TextDecoder().decode(bytes);
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
    // Only the status and the JSON body go back: no vendor header reaches the browser.
    return new Response(await answer.text(), {
      status: answer.status,
      headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' },
    });
  } catch {
    return refuse(502, 'Mews could not be reached');
  }
}
