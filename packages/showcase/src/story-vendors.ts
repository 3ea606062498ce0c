import { type SimulatorSetOptions, VENDOR_BASE_URLS, VENDORS } from '@pagewise/testkit';
import { browserVendors } from '@pagewise/testkit/msw-browser';
import type { RequestHandler } from 'msw';

let serial = 0;

/**
 * Fresh simulators for one render of a story, served by MSW at origins of their own
 * (`https://s7.api.dingtalk.com`…), with runners and sources. Stories never answer for each
 * other, also on a docs page, where every story of a file renders in one document with one
 * service worker. (A real app keeps tokens and secrets on its backend; these simulators accept
 * demo credentials.)
 */
export function storyVendors(options: SimulatorSetOptions = {}) {
  const id = ++serial;
  const baseUrls = Object.fromEntries(
    VENDORS.map((v) => [v, VENDOR_BASE_URLS[v].replace('https://', `https://s${id}.`)]),
  );
  return { id, ...browserVendors(options, { baseUrls, runner: { retry: { baseDelayMs: 200 } } }) };
}
export type StoryVendors = ReturnType<typeof storyVendors>;

/** What a story's loader hands on: `context.loaded.vendors`. */
export interface VendorsLoaded {
  vendors: StoryVendors;
}

/**
 * A story loader: fresh simulators on every render (a visit, a docs page, changed args), built
 * from the story's args when given a function; `prepare` queues one-shot faults and the like.
 */
export function loadVendors<A = Record<string, unknown>>(
  options: SimulatorSetOptions | ((args: A) => SimulatorSetOptions),
  prepare?: (vendors: StoryVendors) => void | Promise<void>,
) {
  return async (context: { args: unknown }): Promise<VendorsLoaded> => {
    const vendors = storyVendors(
      typeof options === 'function' ? options(context.args as A) : options,
    );
    await prepare?.(vendors);
    return { vendors };
  };
}

type Worker = { use(...handlers: RequestHandler[]): void };

/**
 * A `beforeEach` for the meta: serves the simulators of `context.loaded.vendors` through the
 * worker. They stay served (at their own origins they answer for no other story): a docs page
 * keeps every story of a file alive at once, and portable stories (the test runner, the docs-page
 * test) clean up the previous story when they load the next.
 */
export function serveVendors(context: unknown): void {
  const { loaded, msw } = context as { loaded: Partial<VendorsLoaded>; msw?: Worker };
  const handlers = loaded.vendors?.handlers;
  if (handlers && msw) msw.use(...handlers);
}

/** The vendors a story's loader built (for `render` and `play`). */
export function vendorsOf(context: { loaded: unknown }): StoryVendors {
  const vendors = (context.loaded as Partial<VendorsLoaded>).vendors;
  if (!vendors) throw new Error('this story has no vendors: add loaders: [loadVendors(…)]');
  return vendors;
}
