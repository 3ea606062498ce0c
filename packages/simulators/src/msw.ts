/**
 * The simulators as MSW request handlers, for `setupServer` (Node, jsdom tests) and `setupWorker`
 * (the browser: Storybook, a demo).
 *
 * @module @pagewise/simulators/msw
 */
import { HttpResponse, http, delay as mswDelay } from 'msw';
import type { Simulator } from './simulator.js';
import { basePathOf, dripping, toSimRequest } from './simulator-fetch.js';

/**
 * MSW request handlers that answer from simulators, for `setupServer` (Node) and `setupWorker`
 * (browser: Storybook, the demo). One handler per base URL: `{ 'https://api.dingtalk.com': sim }`;
 * a simulator answers under its base URL's path as at its root.
 */
export function simulatorHandlers(routes: Record<string, Simulator>) {
  return Object.entries(routes).map(([base, sim]) =>
    http.all(`${base.replace(/\/$/, '')}/*`, async ({ request }) => {
      const answer = sim.handle(await toSimRequest(request, basePathOf(base)));
      if (answer.delayMs > 0) await mswDelay(answer.delayMs);
      if (answer.status === 0) return HttpResponse.error();
      const body =
        answer.dripMs !== undefined
          ? dripping(answer.body, answer.dripMs, request.signal, answer.dripBytes)
          : answer.body;
      return new HttpResponse(answer.body === '' && answer.status >= 300 ? null : body, {
        status: answer.status,
        headers: answer.headers,
      });
    }),
  );
}
