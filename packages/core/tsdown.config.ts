import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/define.ts', 'src/controllers.ts'],
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  // No source maps: the output is unminified ES2022, one module per source file, readable as shipped.
  sourcemap: false,
  clean: true,
  // One module per source file: bundlers then drop what an app does not import, module by module.
  unbundle: true,
});
