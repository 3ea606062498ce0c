import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { workspaceAliases } from '../vitest.shared.js';

const config: StorybookConfig = {
  stories: ['../packages/showcase/src/**/*.mdx', '../packages/showcase/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // MSW's service worker, which serves the vendor simulators in the browser.
  staticDirs: ['../packages/simulators/public'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { alias: workspaceAliases } }),
};
export default config;
