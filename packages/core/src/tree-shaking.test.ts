import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./index.ts', import.meta.url));

/** Bundles `import { names } from '@pagewise/core'` the way an app's bundler would, minified. */
async function bundle(names: string[]): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { ${names.join(', ')} } from ${JSON.stringify(entry)};\nconsole.log(${names.join(', ')});`,
      resolveDir: '.',
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}

describe('@pagewise/core is tree-shakable per vendor', () => {
  it('a Mews app carries no DingTalk, LINE WORKS or Dashly code', async () => {
    const code = await bundle(['mewsGetAll', 'createRequestRunner', 'paginate']);
    expect(code).toContain('Limitation');
    expect(code).not.toContain('x-acs-dingtalk-access-token');
    expect(code).not.toContain('paginate_position');
    expect(code).not.toContain('responseMetaData');
  });

  it('a DingTalk app carries no Dashly lossless-JSON parser and no Mews code', async () => {
    const code = await bundle(['dingtalkTokenList', 'createRequestRunner']);
    expect(code).toContain('x-acs-dingtalk-access-token');
    expect(code).not.toContain('Limitation');
    expect(code).not.toContain('Unterminated string');
  });
});
