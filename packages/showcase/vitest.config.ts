import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'showcase',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // Real-browser tests run in the root's `browser` project.
    exclude: ['src/**/*.browser.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
