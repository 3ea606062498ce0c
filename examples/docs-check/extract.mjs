// Extracts every ```ts / ```tsx block of README.md and docs/**/*.md into generated/, one module
// per block (named after its file and line), for tsc to check against the built packages.
// A block is a complete program: its imports, its runner, its source, its component.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = join(here, 'generated');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const docs = ['README.md'];
const walk = (dir) => {
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) walk(path);
    else if (name.endsWith('.md')) docs.push(path);
  }
};
walk('docs');

let count = 0;
for (const doc of docs) {
  const lines = readFileSync(join(root, doc), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    // ```tsx file=app/page.tsx — a file of a multi-file example: blocks of one page share a
    // folder, so they import each other by those names.
    const open = /^```(ts|tsx)(?:\s+file=([\w./[\]-]+))?\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    const base = doc.replace(/[/.]/g, '_');
    const name = open[2] ? join(base, open[2]) : `${base}_L${start}.${open[1]}`;
    const header = `// ${relative(root, join(root, doc))}, line ${start}\n`;
    const body = lines.slice(start, end);
    // A directive stays first; each block is its own module, even without an import.
    const directive = /^['"]use (client|server)['"];?$/.test(body[0] ?? '') ? [body.shift()] : [];
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(
      join(out, name),
      `${[...directive, header.trimEnd(), ...body].join('\n')}\nexport {};\n`,
    );
    count++;
    i = end;
  }
}
console.log(`docs-check: ${count} TypeScript blocks from ${docs.length} files`);
