import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'docs-site',
    environment: 'node',
    include: ['*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
