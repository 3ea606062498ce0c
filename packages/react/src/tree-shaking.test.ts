// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const react = fileURLToPath(new URL('./index.ts', import.meta.url));
const core = fileURLToPath(new URL('../../core/src/index.ts', import.meta.url));

/**
 * The modules an app's production bundle holds when it imports these names, as its bundler
 * would build it (minified, `process.env.NODE_ENV` replaced, the peers external).
 */
async function modulesOf(reactNames: string[], coreNames: string[]): Promise<string[]> {
  const result = await build({
    stdin: {
      contents: [
        `import { ${reactNames.join(', ')} } from ${JSON.stringify(react)};`,
        `import { ${coreNames.join(', ')} } from ${JSON.stringify(core)};`,
        `console.log(${[...reactNames, ...coreNames].join(', ')});`,
      ].join('\n'),
      resolveDir: '.',
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    platform: 'browser',
    external: ['react', 'react-dom', '@tanstack/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path.replace(/^.*packages\//, ''));
}

/** What a list uses only when it asks for it: feeds, announcements, URL state, the live edge. */
const OPT_IN = [
  /core\/src\/feed\//,
  /react\/src\/use-feed/,
  /react\/src\/use-announcement/,
  /react\/src\/use-table-announcement/,
  /react\/src\/use-table-state/,
  /core\/src\/table-state\//,
  /react\/src\/table-url-location/,
  /core\/src\/infinite-list\/live-edge/,
  /core\/src\/infinite-list\/newest-edge/,
  /core\/src\/shared\/churn-watch/,
];

describe('an app ships what it uses', () => {
  it('a plain infinite list ships no feed, announcement, URL state, live edge or development warning', async () => {
    const modules = await modulesOf(['useInfiniteList'], ['mewsGetAll']);
    expect(modules).toContainEqual(expect.stringMatching(/infinite-list\/infinite-list\.ts$/));
    expect(modules.filter((m) => OPT_IN.some((p) => p.test(m)))).toEqual([]);
    // Drift repair comes with page-number sources: a list over a cursor source ships none of it.
    expect(modules.filter((m) => /sources\/(drift-repair|page-window)/.test(m))).toEqual([]);
  });

  it('a list given a live edge ships it', async () => {
    const modules = await modulesOf(['useInfiniteList'], ['mewsGetAll', 'liveEdge']);
    expect(modules).toContainEqual(expect.stringMatching(/infinite-list\/live-edge\.ts$/));
    expect(modules).toContainEqual(expect.stringMatching(/infinite-list\/newest-edge\.ts$/));
  });

  it('a paged table ships no infinite list, feed, URL state or announcement', async () => {
    const modules = await modulesOf(['usePagedTable'], ['dingtalkPageList']);
    expect(modules).toContainEqual(expect.stringMatching(/paged-table\/paged-table\.ts$/));
    const list = /core\/src\/infinite-list\//;
    expect(modules.filter((m) => list.test(m) || OPT_IN.some((p) => p.test(m)))).toEqual([]);
  });
});
