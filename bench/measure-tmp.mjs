import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const [, , code] = process.argv;
const r = await build({
  stdin: { contents: code, resolveDir: '/work/main/bench', loader: 'js' },
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  metafile: true,
  external: [
    'react',
    'react-dom',
    '@tanstack/react-query',
    '@tanstack/react-table',
    '@tanstack/react-virtual',
  ],
  define: { 'process.env.NODE_ENV': '"production"' },
});
const out = r.outputFiles[0].contents;
console.log(
  'total min',
  (out.length / 1000).toFixed(2),
  'gz',
  (gzipSync(out, { level: 9 }).length / 1000).toFixed(2),
);
const inputs = Object.entries(r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs).sort(
  (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
);
for (const [f, i] of inputs.slice(0, 40))
  console.log(String(i.bytesInOutput).padStart(6), f.replace(/.*packages\//, ''));
