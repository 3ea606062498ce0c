import {
  BENCHMARKS_FILE,
  readBenchmarks,
  replaceSection,
  writeBenchmarks,
} from './benchmarks-file.js';
import { bundleSizeReport } from './bundle-size.js';
import { machine } from './machine.js';
import { pageTurnReport } from './page-turn.js';
import { rendersReport } from './renders.js';
import { scrollReport } from './scroll-at-scale.js';
import { syncReport } from './sync-throughput.js';

const sections: Array<[string, () => Promise<string>]> = [
  ['1. Bundle size', bundleSizeReport],
  ['2. Page-turn latency', pageTurnReport],
  ['3. Infinite scroll at 100,000 items', scrollReport],
  ['4. Full sync through paginate()', syncReport],
  ['5. Renders per page turn', rendersReport],
];

// `pnpm bench sync` (any words of the titles) runs only those sections, prints them and rewrites
// only them in BENCHMARKS.md (each saying when and where it was measured); the full run writes
// the whole file.
const only = process.argv.slice(2).map((a) => a.toLowerCase());
const chosen = only.length
  ? sections.filter(([title]) => only.some((word) => title.toLowerCase().includes(word)))
  : sections;

const out: string[] = [
  '# Benchmarks',
  '',
  `Machine: ${machine()}.`,
  '',
  'Written by `pnpm bench`. Every figure is measured beside a peer in the same run; timings are medians.',
  '',
];
const measured: Array<[string, string]> = [];
for (const [title, run] of chosen) {
  process.stdout.write(`${title}… `);
  const started = performance.now();
  const body = await run();
  measured.push([title, body]);
  out.push(`## ${title}`, '', body, '');
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}
if (only.length) {
  console.log(out.join('\n'));
  let text = readBenchmarks();
  for (const [title, body] of measured)
    text = replaceSection(
      text,
      title,
      `Measured on its own (\`pnpm bench ${only.join(' ')}\`): ${machine()}.\n\n${body}`,
    );
  writeBenchmarks(text);
  console.log(
    `rewrote ${measured.map(([title]) => `"${title}"`).join(', ')} in ${BENCHMARKS_FILE}`,
  );
} else {
  // `pnpm soak` writes its own section; a benchmark run keeps it.
  const previous = readBenchmarks();
  const soak = previous.indexOf('## Soak');
  if (soak >= 0) out.push(previous.slice(soak).trimEnd());
  writeBenchmarks(`${out.join('\n')}\n`);
  console.log(`wrote ${BENCHMARKS_FILE}`);
}
// Query clients of the render benchmark keep GC timers for minutes; nothing else is pending.
process.exit(0);
