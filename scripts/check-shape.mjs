// The shape of the controllers (part of `pnpm check`): each controller file holds at most 200
// lines, and no function of a controller or of the parts it is made of runs over 40 lines — a
// behaviour that grows goes into a part of its own, with its own tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const core = join(root, 'packages/core/src');
const CONTROLLERS = ['paged-table/paged-table.ts', 'infinite-list/infinite-list.ts'];
const PARTS = ['paged-table', 'infinite-list', 'page-range', 'feed', 'shared'];
const MAX_FILE = 200;
const MAX_FUNCTION = 40;
const problems = [];

for (const file of CONTROLLERS) {
  const lines = readFileSync(join(core, file), 'utf8').split('\n').length - 1;
  if (lines > MAX_FILE) problems.push(`${file}: ${lines} lines (at most ${MAX_FILE})`);
}
for (const dir of PARTS)
  for (const name of readdirSync(join(core, dir))) {
    if (!name.endsWith('.ts') || name.includes('.test.')) continue;
    const path = join(core, dir, name);
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        // A factory whose body is a class or an object of small functions is measured by its parts.
        const lines = end - start + 1;
        if (lines > MAX_FUNCTION && !returnsParts(node))
          problems.push(
            `${relative(core, path)}:${start + 1}: a function of ${lines} lines (at most ${MAX_FUNCTION})`,
          );
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

/** A factory that returns an object literal of functions (a cache, a guard): its parts are measured. */
function returnsParts(node) {
  const body = node.body;
  if (!body || !ts.isBlock(body)) return false;
  const last = body.statements.at(-1);
  return (
    !!last &&
    ts.isReturnStatement(last) &&
    !!last.expression &&
    ts.isObjectLiteralExpression(last.expression)
  );
}

if (problems.length) {
  console.error(`Controller shape:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Controller shape: controllers within 200 lines, every function within 40.');
