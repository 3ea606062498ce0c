import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './chromium.js';

export { workspaceAliases } from './workspace-aliases.js';

/** Debian's Chromium (never a downloaded browser), with flags that work on a closed network. */
export const chromium = playwright({ launchOptions: chromiumLaunchOptions });
