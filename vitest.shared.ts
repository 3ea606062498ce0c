import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './chromium.js';

/** Workspace packages resolve to their sources in tests, as they do for tsc (tsconfig `paths`). */
export const workspaceAliases = {
  '@pagewise/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@pagewise/react': fileURLToPath(new URL('./packages/react/src/index.ts', import.meta.url)),
};

/** Debian's Chromium (never a downloaded browser), with flags that work on a closed network. */
export const chromium = playwright({ launchOptions: chromiumLaunchOptions });
