import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'demo-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts', 'server/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One retry: these drive a real browser on a loaded 2-core machine.
    retry: 1,
  },
});
