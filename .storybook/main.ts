import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';
import { mergeConfig } from 'vite';
import { workspaceAliases } from '../vitest.shared.js';

const config: StorybookConfig = {
  stories: ['../packages/showcase/src/**/*.mdx', '../packages/showcase/src/**/*.stories.tsx'],
  addons: [
    // GitHub Flavored Markdown in the MDX pages: tables, strikethrough, autolinks.
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  // MSW's service worker, which serves the vendor simulators in the browser.
  staticDirs: ['../packages/simulators/public'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { alias: workspaceAliases } }),
};
export default config;
