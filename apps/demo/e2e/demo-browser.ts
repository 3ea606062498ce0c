import { createRequire } from 'node:module';
import type { RequestLogEntry, SimulatorSetOptions } from '@pagewise/simulators';
import { type Browser, chromium, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../../chromium.js';
import { startDemoServer } from '../server/demo-server.js';

const DEFAULT_SIZES: SimulatorSetOptions = {
  dingtalk: { sizes: { adjustments: 95, classes: 450, events: 230 } },
  lineworks: { sizes: { users: 260 } },
  dashly: { sizes: { parts: 300 } },
  mews: { sizes: { reservations: 5000 } },
};

/** The built demo on a loopback port, with small simulated data sets, and Debian's Chromium. */
export async function openDemo(simulators: SimulatorSetOptions = DEFAULT_SIZES) {
  const demo = await startDemoServer({ mode: 'static', simulators });
  const browser: Browser = await chromium.launch(chromiumLaunchOptions);
  const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const log = (vendor: string, path?: string): RequestLogEntry[] =>
    demo.sims[vendor as 'dingtalk'].log.entries.filter((e) =>
      path ? e.path.endsWith(path) : !/token/i.test(e.path),
    );
  return {
    demo,
    page,
    errors,
    log,
    open: (route: string) => page.goto(`${demo.url}/#/${route}`),
    /** Sets a vendor's faults through the demo server's fault API, as the fault panel does. */
    async setFaults(vendor: string, faults: Record<string, unknown>) {
      const answer = await fetch(`${demo.url}/api/_faults/${vendor}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
      });
      if (answer.status !== 200) throw new Error(`faults not set: HTTP ${answer.status}`);
    },
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

const require = createRequire(import.meta.url);

/** Runs axe-core in the page; returns the violations (id, impact, nodes). */
export async function axeViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>;
          }>;
        };
      }
    ).axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3),
    }));
  });
}

/**
 * The id of a Dashly message far back in the chat: three older pages loaded, the sixth message
 * from the top; then the chat is left and opened again (at its newest messages).
 */
export async function messageFarBack(demo: Awaited<ReturnType<typeof openDemo>>) {
  await demo.open('chat');
  await demo.page.getByText('20 messages').waitFor();
  const older = demo.page.getByRole('button', { name: 'Load older' });
  for (let i = 0; i < 3; i++) {
    await older.click();
    await demo.page.getByText(`${(i + 2) * 20} messages`).waitFor();
  }
  const id = await demo.page.locator('[data-id]').nth(5).getAttribute('data-id');
  await demo.open('adjustments');
  await demo.open('chat');
  return id!;
}
