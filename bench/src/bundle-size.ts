import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fmt, ratio, table } from './stats.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CORE = `${ROOT}packages/core/dist/index.js`;
const REACT = `${ROOT}packages/react/dist/index.js`;

/** Bundles one import the way an app's bundler would (minified, peers external) and gzips it. */
export async function measure(
  contents: string,
  external: string[] = [],
): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: `${ROOT}bench`, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    external: [
      'react',
      'react-dom',
      'react/jsx-runtime',
      '@tanstack/react-query',
      '@tanstack/react-table',
      ...external,
    ],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export const ENTRIES: Array<{ name: string; contents: string; external?: string[] }> = [
  { name: '@pagewise/core (everything)', contents: `export * from ${JSON.stringify(CORE)};` },
  {
    name: '@pagewise/react (everything, core external)',
    contents: `export * from ${JSON.stringify(REACT)};`,
    external: ['@pagewise/core'],
  },
  {
    name: 'typical: useInfiniteList + mewsGetAll + runner',
    contents: `export { useInfiniteList } from ${JSON.stringify(REACT)}; export { mewsGetAll, createRequestRunner } from ${JSON.stringify(CORE)};`,
  },
  {
    name: 'typical: usePagedTable + dingtalkPageList + runner',
    contents: `export { usePagedTable } from ${JSON.stringify(REACT)}; export { dingtalkPageList, createRequestRunner } from ${JSON.stringify(CORE)};`,
  },
  {
    name: 'core: paginate + lineworksList + runner (a sync job)',
    contents: `export { paginate, lineworksList, createRequestRunner } from ${JSON.stringify(CORE)};`,
  },
  {
    name: 'core: dashlyList + runner (lossless JSON included)',
    contents: `export { dashlyList, createRequestRunner } from ${JSON.stringify(CORE)};`,
  },
];

export const PEERS: Array<{ name: string; contents: string }> = [
  { name: 'react-paginate (page buttons)', contents: `export { default } from 'react-paginate';` },
  {
    name: 'react-infinite-scroll-component',
    contents: `export { default } from 'react-infinite-scroll-component';`,
  },
  {
    name: '@zag-js/pagination (machine + connect)',
    contents: `export * from '@zag-js/pagination';`,
  },
  { name: 'swr/infinite (useSWRInfinite)', contents: `export { default } from 'swr/infinite';` },
];

/** The issue's targets, KB = 1,000 bytes gzipped. */
export const TARGETS: Record<string, number> = {
  '@pagewise/core (everything)': 5_000,
  '@pagewise/react (everything, core external)': 4_000,
  'typical: useInfiniteList + mewsGetAll + runner': 2_500,
  'typical: usePagedTable + dingtalkPageList + runner': 2_500,
};

export async function bundleSizeReport(): Promise<string> {
  const rows: Array<Array<string | number>> = [];
  for (const e of ENTRIES) {
    const s = await measure(e.contents, e.external);
    const target = TARGETS[e.name];
    rows.push([
      e.name,
      fmt(s.min / 1000, 2),
      fmt(s.gzip / 1000, 2),
      target
        ? `${fmt(target / 1000, 1)} kB ${s.gzip <= target ? 'met' : `missed by ${fmt((s.gzip - target) / 1000, 2)} kB`}`
        : '—',
    ]);
  }
  const peerRows: Array<Array<string | number>> = [];
  const swr = await measure(PEERS[3]!.contents);
  for (const p of PEERS) {
    const s = await measure(p.contents);
    peerRows.push([p.name, fmt(s.min / 1000, 2), fmt(s.gzip / 1000, 2)]);
  }
  const typical = await measure(ENTRIES[2]!.contents);
  return [
    table(
      [
        'entry (esbuild, minified, gzip -9, react/@tanstack external)',
        'min kB',
        'gzip kB',
        'target',
      ],
      rows,
    ),
    '',
    'Peers, measured in the same run:',
    '',
    table(['peer', 'min kB', 'gzip kB'], peerRows),
    '',
    `A typical Pagewise import (one hook + one vendor adapter + the runner) is ${ratio(typical.gzip, swr.gzip)} the size of \`swr/infinite\`, which has no vendor adapters, request runner, retries or typed errors.`,
  ].join('\n');
}
