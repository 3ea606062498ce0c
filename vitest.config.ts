import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { chromium, workspaceAliases } from './vitest.shared.js';

/** Each project gets its own copy: Vitest fills these objects in. */
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
});

export default defineConfig({
  test: {
    projects: [
      'packages/*',
      // Not examples/docs-check: its generated files are the docs' code, type-checked, not run.
      'examples/next-app',
      'examples/packed-app',
      'examples/docs-site',
      'examples/sync-walk',
      'apps/*',
      'bench',
      {
        // Packages in a real browser: MSW's service worker serving the simulators, core walking them.
        resolve: { alias: workspaceAliases },
        publicDir: 'packages/simulators/public',
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.{ts,tsx}'],
          browser: browser(),
        },
      },
      {
        // Every story's play function, as a test in Chromium (MSW serving the simulators).
        plugins: [storybookTest({ configDir: '.storybook' })],
        resolve: { alias: workspaceAliases },
        publicDir: 'packages/simulators/public',
        // One retry: play functions race real browser timing on a loaded 2-core machine.
        test: {
          name: 'storybook',
          browser: browser(),
          retry: 1,
        },
      },
    ],
  },
});
