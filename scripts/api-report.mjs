// The public API of each published package, as api-extractor reports it, one report per entry
// point in `<package>/api/<entry>.api.md`. `node scripts/api-report.mjs` rewrites the reports
// (`pnpm api`); `--check` (in `pnpm test`) fails when the built types differ from them, so a
// change of the public API is always a deliberate, reviewed change of those files.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const PACKAGES = ['packages/core', 'packages/react', 'packages/simulators'];
let ok = true;
for (const dir of PACKAGES) {
  const pkg = join(root, dir);
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const base = ExtractorConfig.loadFile(join(root, 'api-extractor.json'));
  if (!check) mkdirSync(join(pkg, 'api'), { recursive: true });
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (typeof target !== 'object') continue;
    const name = subpath === '.' ? 'index' : subpath.slice(2);
    const config = structuredClone(base);
    config.projectFolder = pkg;
    config.mainEntryPointFilePath = join(pkg, target.types);
    // The types as a consumer sees them: the built declarations, workspace packages resolved
    // through node_modules (their own built declarations), never the sources.
    config.compiler = {
      overrideTsconfig: {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          skipLibCheck: true,
          types: [],
        },
        include: [join(pkg, 'dist/**/*.d.ts')],
      },
    };
    config.apiReport.reportFileName = name;
    config.apiReport.reportFolder = join(pkg, 'api');
    config.apiReport.reportTempFolder = join(pkg, 'node_modules/.api-extractor');
    const result = Extractor.invoke(
      ExtractorConfig.prepare({
        configObject: config,
        configObjectFullPath: join(root, 'api-extractor.json'),
        packageJsonFullPath: join(pkg, 'package.json'),
      }),
      { localBuild: !check, showVerboseMessages: false },
    );
    if (!result.succeeded) {
      ok = false;
      console.error(
        `${manifest.name}${subpath === '.' ? '' : subpath.slice(1)}: the public API differs from ${dir}/api/${name}.api.md — run \`pnpm api\` and review the change.`,
      );
    }
  }
}
process.exitCode = ok ? 0 : 1;
