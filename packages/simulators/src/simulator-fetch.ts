import { delay } from './delay.js';
import type { Simulator } from './simulator.js';
import type { SimRequest } from './types.js';

/**
 * A `fetch` that answers from simulators in memory, with the same semantics as over the network:
 * latency, aborts, network errors. Routes by origin: `{ 'https://api.dingtalk.com': sim }`.
 * Unknown origins fail like an unreachable host.
 */
export function createSimulatorFetch(routes: Record<string, Simulator>): typeof fetch {
  const byOrigin = new Map(
    Object.entries(routes).map(([base, sim]) => [
      new URL(base).origin,
      { sim, path: basePathOf(base) },
    ]),
  );
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const signal = init?.signal ?? request.signal;
    if (signal?.aborted) throw signal.reason;
    const url = new URL(request.url);
    const route = byOrigin.get(url.origin);
    if (!route) throw new TypeError(`fetch failed: no simulator at ${url.origin}`);
    if (outsideBase(request.url, route.path)) return new Response(null, { status: 404 });
    const { sim } = route;
    const simRequest = await toSimRequest(request, route.path);
    const answer = sim.handle(simRequest);
    await delay(answer.delayMs, signal);
    if (answer.status === 0) throw new TypeError('fetch failed: connection reset (simulated)');
    const empty = answer.body === '' && (answer.status === 204 || answer.status >= 300);
    const body =
      answer.dripMs !== undefined
        ? dripping(answer.body, answer.dripMs, signal, answer.dripBytes)
        : answer.body;
    return new Response(empty ? null : body, { status: answer.status, headers: answer.headers });
  };
}

/** A body that arrives one byte every `ms`, as from a server that drips its answer. */
export function dripping(
  text: string,
  ms: number,
  signal?: AbortSignal | null,
  chunk = 1,
): ReadableStream {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const next = () => {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
        timer = setTimeout(next, ms);
      };
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        controller.error(signal.reason);
      });
      next();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}

/** The path of a base URL, without a trailing slash (`''` at the root). */
export const basePathOf = (base: string): string => new URL(base).pathname.replace(/\/+$/, '');

/** A simulator answers under its base URL's path as at its root; elsewhere on its origin, nothing. */
export const outsideBase = (url: string, basePath: string): boolean => {
  const { pathname } = new URL(url);
  return basePath !== '' && pathname !== basePath && !pathname.startsWith(`${basePath}/`);
};

export async function toSimRequest(request: Request, basePath = ''): Promise<SimRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const url = new URL(request.url);
  const body =
    request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  const path = url.pathname.slice(basePath.length) || '/';
  return { method: request.method, url: path + url.search, headers, body };
}
