import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Workspace packages resolve to their sources in tests, Storybook and the demo, as they do for tsc
 * (tsconfig `paths`): each public entry point to its entry file, matched exactly
 * (`@pagewise/core` is not a prefix of `@pagewise/core/define`).
 */
export const workspaceAliases = [
  { find: /^@pagewise\/core$/, replacement: at('./packages/core/src/index.ts') },
  { find: /^@pagewise\/core\/define$/, replacement: at('./packages/core/src/define.ts') },
  { find: /^@pagewise\/core\/controllers$/, replacement: at('./packages/core/src/controllers.ts') },
  { find: /^@pagewise\/react$/, replacement: at('./packages/react/src/index.ts') },
  { find: /^@pagewise\/react\/virtual$/, replacement: at('./packages/react/src/virtual.ts') },
  { find: /^@pagewise\/simulators$/, replacement: at('./packages/simulators/src/index.ts') },
  { find: /^@pagewise\/simulators\/msw$/, replacement: at('./packages/simulators/src/msw.ts') },
  {
    find: /^@pagewise\/simulators\/http-server$/,
    replacement: at('./packages/simulators/src/http-server.ts'),
  },
  { find: /^@pagewise\/testkit$/, replacement: at('./packages/testkit/src/index.ts') },
  {
    find: /^@pagewise\/testkit\/served$/,
    replacement: at('./packages/testkit/src/served-vendors.ts'),
  },
  { find: /^@pagewise\/testkit\/msw-node$/, replacement: at('./packages/testkit/src/msw-node.ts') },
  {
    find: /^@pagewise\/testkit\/msw-browser$/,
    replacement: at('./packages/testkit/src/msw-browser.ts'),
  },
];
