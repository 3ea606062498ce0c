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
    const open = /^```(ts|tsx)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    const name = `${doc.replace(/[/.]/g, '_')}_L${start}.${open[1]}`;
    const header = `// ${relative(root, join(root, doc))}, line ${start}\n`;
    // Each block is its own module, even without an import.
    writeFileSync(join(out, name), `${header}${lines.slice(start, end).join('\n')}\nexport {};\n`);
    count++;
    i = end;
  }
}
console.log(`docs-check: ${count} TypeScript blocks from ${docs.length} files`);
