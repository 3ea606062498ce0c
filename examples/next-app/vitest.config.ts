import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'next-app',
    environment: 'node',
    include: ['*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
