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
      // examples/docs-check: the docs' code, type-checked (pnpm docs:check); the docs' tests
      // among it run below.
      'examples/next-app',
      'examples/packed-app',
      'examples/docs-site',
      'examples/sync-walk',
      'apps/*',
      'bench',
      {
        // The tests the docs show (testing, custom sources, security), run as written against
        // the built packages: an example whose test would fail in a user's app fails here.
        test: {
          name: 'docs-examples',
          root: 'examples/docs-check',
          // dev-server/: the security page's Vite setup, run as a dev server.
          include: ['generated/**/*.test.ts', 'dev-server/*.test.ts'],
          // node:test files run in `pnpm docs:check`; the e2e test needs the reader's own app.
          exclude: ['generated/docs_custom-sources_md/**', 'generated/**/*.e2e.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'docs-examples-dom',
          root: 'examples/docs-check',
          include: ['generated/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
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
