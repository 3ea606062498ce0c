import type { SimulatorSetOptions } from '@pagewise/testkit';
import { browserVendors } from '@pagewise/testkit/msw-browser';
import type { RequestHandler } from 'msw';

/**
 * Fresh simulators for one story, served by MSW at the vendors' URLs, with runners and sources.
 * Put `beforeEach` on the story. (A real app keeps tokens and secrets on its backend; these
 * simulators accept demo credentials.)
 */
export function storyVendors(options: SimulatorSetOptions = {}) {
  const v = browserVendors(options, { runner: { retry: { baseDelayMs: 200 } } });
  return {
    ...v,
    beforeEach: (context: unknown) => {
      (context as { msw: { use(...handlers: RequestHandler[]): void } }).msw.use(...v.handlers);
    },
  };
}
