import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/virtual.ts'],
  format: 'esm',
  platform: 'neutral',
  external: [/^@pagewise\/core/, /^react/, /^@tanstack/],
  target: 'es2022',
  dts: true,
  // No source maps: the output is unminified ES2022, one module per source file, readable as shipped.
  sourcemap: false,
  clean: true,
  // One module per source file: bundlers then drop the imports of hooks an app does not use.
  unbundle: true,
});
