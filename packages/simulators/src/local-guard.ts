import type { IncomingMessage } from 'node:http';

/**
 * Guards for a server that listens on loopback (the simulators' control endpoints, the demo's
 * server): any web page the user opens can send requests to 127.0.0.1, so
 * - the `Host` must name this server on loopback (a DNS-rebinding page sends its own name);
 * - a request with an `Origin` (or `Sec-Fetch-Site: cross-site`) must come from this server's
 *   own origin;
 * - writes must be JSON (`application/json` cannot be sent cross-origin without a preflight,
 *   which is never answered);
 * - bodies are read up to a limit.
 */
export interface LocalGuard {
  /** Why the request is refused (status and reason), or `undefined` when it may proceed. */
  check(
    req: IncomingMessage,
    options?: { write?: boolean },
  ): { status: number; reason: string } | undefined;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function localGuard(port: () => number, extraHosts: readonly string[] = []): LocalGuard {
  const hosts = () => new Set([...LOOPBACK_NAMES, ...extraHosts].map((h) => `${h}:${port()}`));
  return {
    check(req, { write = false } = {}) {
      const host = (req.headers.host ?? '').toLowerCase();
      if (!hosts().has(host))
        return {
          status: 421,
          reason: `this server answers only to ${[...hosts()][0]}, not to "${host}"`,
        };
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts().has(origin.replace(/^https?:\/\//i, '').toLowerCase()))
        return {
          status: 403,
          reason: `requests from ${origin} are refused: only this server's own pages may call it`,
        };
      // A browser says where a request comes from: only this page itself (or the user typing
      // the address) may call; another port on localhost is `same-site`, not the same page.
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none')
        return { status: 403, reason: `${site} requests are refused` };
      // A GET or HEAD has no body.
      if (
        (req.method === 'GET' || req.method === 'HEAD') &&
        (req.headers['transfer-encoding'] !== undefined ||
          Number(req.headers['content-length'] ?? 0) > 0)
      )
        return { status: 400, reason: 'a GET carries no body' };
      if (write) {
        const type = String(req.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim()
          .toLowerCase();
        if (type !== 'application/json')
          return { status: 415, reason: 'writes must be application/json' };
      }
      return undefined;
    },
  };
}

/** A body too large for this server. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/** Reads a request body as text, refusing more than `limit` bytes (the reading stops there). */
export async function readLimitedBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    throw new BodyTooLarge(`the body is ${declared} bytes; at most ${limit} are read`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Stop reading: the answer (413) goes out, then the connection closes.
    if (size > limit) throw new BodyTooLarge(`the body is over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Time limits for a loopback server: a client that drips its request cannot hold it open. */
export function limitServer(server: import('node:http').Server): void {
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.maxHeadersCount = 100;
  server.maxConnections = 256;
}
