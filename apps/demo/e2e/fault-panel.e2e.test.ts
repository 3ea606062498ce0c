import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo } from './demo-browser.js';

let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

/** The inspector's newest rows for the vendor: status and ms as shown. */
async function inspected() {
  const rows = demo.page.getByRole('region', { name: 'Requests' }).locator('tr[data-request]');
  return rows.evaluateAll((all) =>
    all.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { request: cells[1] ?? '', status: cells[6] ?? '', ms: Number(cells[7]) };
    }),
  );
}

describe('the demo’s fault panel, through its controls', () => {
  it('applies a latency: the next page’s request shows it in the inspector’s timings', async () => {
    await demo.open('users');
    await demo.page.getByRole('button', { name: 'Page 2' }).waitFor();
    const latency = demo.page.getByLabel('Latency (ms)');
    await latency.fill('450');
    await expect
      .poll(() => demo.page.getByRole('status').filter({ hasText: 'Not applied' }).count())
      .toBe(0);
    await expect
      .poll(
        async () =>
          (await fetch(`${demo.demo.url}/api/_faults/lineworks`).then((r) => r.json())).latencyMs,
        { timeout: 5000 }, // sent once typing pauses
      )
      .toBe(450);
    await demo.page.getByRole('button', { name: 'Next page' }).click();
    await expect
      .poll(async () => (await inspected())[0]?.ms ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(450);
  });

  it('sends a value on Enter, without waiting for the typing pause', async () => {
    // The page's timers under a clock the test holds (from the next page load on): stopped,
    // only Enter can send the value.
    await demo.page.clock.install();
    try {
      await demo.page.reload();
      await demo.open('users');
      await demo.page.getByRole('button', { name: 'Page 2' }).waitFor();
      await demo.page.clock.pauseAt(Date.now() + 60_000);
      const latency = demo.page.getByLabel('Latency (ms)');
      await latency.fill('120');
      await latency.press('Enter');
      await expect
        .poll(
          async () =>
            (await fetch(`${demo.demo.url}/api/_faults/lineworks`).then((r) => r.json())).latencyMs,
          { timeout: 5000 },
        )
        .toBe(120);
    } finally {
      await demo.page.clock.resume();
      await fetch(`${demo.demo.url}/api/_faults/lineworks`, { method: 'DELETE' });
    }
  });

  it('applies a 5xx rate: the inspector shows the failed attempts and the retries, then No faults ends them', async () => {
    await demo.page.getByLabel('Latency (ms)').fill('0');
    await demo.page.getByLabel('5xx rate (0–1)').fill('1');
    await expect
      .poll(
        async () =>
          (await fetch(`${demo.demo.url}/api/_faults/lineworks`).then((r) => r.json()))
            .serverErrorRate,
        { timeout: 5000 },
      )
      .toBe(1);
    await demo.page.getByRole('button', { name: 'Next page' }).click();
    // The runner retries a 5xx (4 retries by default): five attempts, each a 500 in the inspector.
    await expect
      .poll(async () => (await inspected()).filter((e) => e.status.startsWith('5')).length, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(2);
    await demo.page.getByRole('button', { name: 'No faults' }).click();
    await expect
      .poll(
        async () =>
          (await fetch(`${demo.demo.url}/api/_faults/lineworks`).then((r) => r.json()))
            .serverErrorRate,
      )
      .toBe(0);
    expect(demo.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it('a 429 with Retry-After: the page line counts down and the status says why, then the page lands', async () => {
    await demo.setFaults('lineworks', { rateLimitRate: 1, retryAfterSeconds: 4 });
    try {
      await delayedThenLanded();
    } finally {
      await demo.setFaults('lineworks', { rateLimitRate: 0, retryAfterSeconds: 1 });
    }
  });
});

/** Next pressed under 429s: the line counts down, the status says why, and the page lands once the vendor answers. */
async function delayedThenLanded() {
  await demo.page.getByRole('button', { name: 'Next page' }).click();
  const info = demo.page.locator('[data-page-info]');
  await expect
    .poll(() => info.textContent(), { timeout: 10_000 })
    .toMatch(/page \d+ delayed \(too many requests\): trying again in [1-4] s/);
  const first = Number((await info.textContent())?.match(/in (\d) s/)?.[1]);
  await expect
    .poll(async () => Number((await info.textContent())?.match(/in (\d) s/)?.[1] ?? 0), {
      timeout: 5000,
    })
    .toBeLessThan(first);
  await expect
    .poll(() => demo.page.getByRole('status').filter({ hasText: 'is delayed' }).textContent())
    .toMatch(/^Page \d+ is delayed \(too many requests\): trying again in \d s$/);
  // The vendor answers again: the page lands and the line no longer says a delay.
  await demo.setFaults('lineworks', { rateLimitRate: 0 });
  await expect
    .poll(() => info.textContent(), { timeout: 15_000 })
    .toMatch(/^Showing page \d+ of [^·]*( · [\d,]+ rows)?$/);
}
