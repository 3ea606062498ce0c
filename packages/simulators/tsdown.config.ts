import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/msw.ts', 'src/http-server.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'node',
  external: [/^msw/],
  target: 'es2022',
  dts: true,
  // No source maps: the output is unminified ES2022, one module per source file, readable as shipped.
  sourcemap: false,
  clean: true,
  unbundle: true,
  // .js and .d.ts, as the package is "type": "module".
  fixedExtension: false,
});
