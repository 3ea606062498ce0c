// Size budgets, measured as an app ships the kit: minified, gzipped, peers external, with the
// production build's `process.env.NODE_ENV` (development warnings dropped). BENCHMARKS.md §1 has
// the same rows beside the peers; the limits hold each row at its measured size. The packages'
// own tsconfig paths (onto their sources, for the repo's type checking) are not an app's: without
// `tsconfigRaw`, esbuild followed them from react's dist into core's src and counted the modules
// shared by both entries twice.
const production = (config) => ({
  ...config,
  tsconfigRaw: '{}',
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
});
const peers = ['react', 'react-dom', '@tanstack/react-query', '@tanstack/react-table'];
const react = 'packages/react/dist/index.js';
const core = 'packages/core/dist/index.js';

export default [
  {
    name: '@pagewise/react, everything (core and peers external)',
    path: react,
    import: '*',
    ignore: ['@pagewise/core', ...peers],
    limit: '6.92 kB',
  },
  {
    name: 'one hook + one adapter: useInfiniteList + mewsGetAll (a plain list: no feed, announcement, URL state or live edge — tree-shaking.test.ts names the modules)',
    path: [react, core],
    import: { [react]: '{ useInfiniteList }', [core]: '{ mewsGetAll }' },
    ignore: peers,
    limit: '6.47 kB',
  },
  {
    name: 'one hook + one adapter: usePagedTable + dingtalkPageList',
    path: [react, core],
    import: { [react]: '{ usePagedTable }', [core]: '{ dingtalkPageList }' },
    ignore: peers,
    limit: '12.56 kB',
  },
  {
    name: 'what an app ships for one list: useInfiniteList + mewsGetAll + the request runner',
    path: [react, core],
    import: { [react]: '{ useInfiniteList }', [core]: '{ mewsGetAll, createRequestRunner }' },
    ignore: peers,
    limit: '12.17 kB',
  },
  {
    name: '@pagewise/core, everything',
    path: core,
    import: '*',
    limit: '18.7 kB',
  },
].map((row) => ({ ...row, gzip: true, modifyEsbuildConfig: production }));
