// Writes docs/demo.png: the DingTalk table after a few page turns, with the inspector beside it.
import { fileURLToPath } from 'node:url';
import { openDemo } from './demo-browser.js';

const demo = await openDemo();
try {
  await demo.open('adjustments');
  await demo.page.getByText(/^Showing page 1 of 5/).waitFor();
  await demo.page.getByRole('button', { name: 'Next page' }).click();
  await demo.page.getByText(/Page 2 of 5/).waitFor();
  await demo.page.getByRole('button', { name: 'Page 4' }).click();
  await demo.page.getByText(/Page 4 of 5/).waitFor();
  await demo.page.evaluate(() => window.scrollTo(0, 0));
  await demo.page.waitForTimeout(500);
  const path = fileURLToPath(new URL('../../../docs/demo.png', import.meta.url));
  await demo.page.screenshot({ path });
  console.log(`wrote ${path}`);
} finally {
  await demo.close();
}
