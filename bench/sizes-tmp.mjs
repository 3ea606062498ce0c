import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const [react, core] = [process.argv[2], process.argv[3]];
const contents = `import { ${react} } from './packages/react/dist/index.js';\nimport { ${core} } from './packages/core/dist/index.js';\nconsole.log(${react}, ${core});`;
const r = await build({
  stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  external: ['react', '@tanstack/*', 'react/*'],
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: {
    '@pagewise/core/controllers': './packages/core/dist/controllers.js',
    '@pagewise/core/define': './packages/core/dist/define.js',
    '@pagewise/core': './packages/core/dist/index.js',
  },
});
const out = r.outputFiles[0].text;
console.log(
  'total gz',
  (gzipSync(out, { level: 9 }).length / 1024).toFixed(2),
  'kB; min',
  out.length,
);
const inputs = Object.values(r.metafile.outputs)[0].inputs;
for (const [f, v] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput))
  if (v.bytesInOutput) console.log(v.bytesInOutput, f);
