import { fileURLToPath } from 'node:url';

/** Workspace packages resolve to their sources in tests, as they do for tsc (tsconfig `paths`). */
export const workspaceAliases = {
  '@pagewise/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@pagewise/react': fileURLToPath(new URL('./packages/react/src/index.ts', import.meta.url)),
};
