import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';

/** Workspace packages resolve to their sources in tests, as they do for tsc (tsconfig `paths`). */
export const workspaceAliases = {
  '@pagewise/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@pagewise/react': fileURLToPath(new URL('./packages/react/src/index.ts', import.meta.url)),
};

/** Debian's Chromium (never a downloaded browser), with flags that work on a closed network. */
export const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
});
