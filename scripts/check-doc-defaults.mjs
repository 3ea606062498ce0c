// Every option of the public API says its default: each optional property of an exported
// `…Options` / `…Input` / `…Spec` interface carries `@defaultValue` (or `@default`) in its doc
// comment — "none" is a valid answer, silence is not. Reads TypeDoc's JSON (see scripts/docs.mjs).
import { readFileSync } from 'node:fs';

/** Output shapes whose names end like inputs: TanStack Table's options the table hook returns. */
const NOT_INPUTS = new Set(['@pagewise/react/PagedTableOptions']);

export function optionsWithoutDefault(project) {
  const missing = [];
  const walk = (node, path) => {
    const here = node.kind === 1 ? path : node.name ? [...path, node.name] : path;
    const name = here.filter((p) => p !== 'index').join('/');
    if (
      (node.kind === 256 || node.kind === 2097152) &&
      /(Options|Input|Spec)$/.test(node.name) &&
      !NOT_INPUTS.has(name)
    ) {
      const props = node.children ?? node.type?.declaration?.children ?? [];
      for (const p of props) {
        if (!p.flags?.isOptional) continue;
        const comment = p.comment ?? p.signatures?.[0]?.comment;
        const tags = comment?.blockTags?.map((t) => t.tag) ?? [];
        if (!tags.includes('@default') && !tags.includes('@defaultValue'))
          missing.push(`${name}.${p.name}`);
      }
    }
    for (const c of node.children ?? []) walk(c, here);
  };
  walk(project, []);
  return missing;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = optionsWithoutDefault(JSON.parse(readFileSync(process.argv[2], 'utf8')));
  if (missing.length) {
    console.error(`${missing.length} options without @defaultValue:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  console.log('every option documents its default');
}
