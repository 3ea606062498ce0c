import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  external: [/^@pagewise\/core/, /^react/, /^@tanstack/],
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  // One module per source file: bundlers then drop the imports of hooks an app does not use.
  unbundle: true,
});
