// Every changeset parses as `changeset version` will read it (frontmatter naming each package and
// its bump): a formatter once turned the frontmatter into a heading, and the release would have
// stopped there.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const cli = createRequire(import.meta.url).resolve('@changesets/cli/package.json');
const parse = createRequire(cli)('@changesets/parse').default;
const dir = join(import.meta.dirname, '..', '.changeset');
const bad = [];
for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
  try {
    const { releases } = parse(readFileSync(join(dir, name), 'utf8'));
    if (releases.length === 0) bad.push(`${name}: names no package`);
  } catch (error) {
    bad.push(`${name}: ${error.message.split('\n')[0]}`);
  }
}
if (bad.length) {
  console.error(`Changesets that do not parse:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
