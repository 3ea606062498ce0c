import { readBenchmarks, writeBenchmarks } from './benchmarks-file.js';
import { runSoak } from './soak.js';
import { soakTable } from './soak-report.js';

const size = Number(process.env.SOAK_SIZE ?? 10_000);
console.log(
  `Soak: ${size.toLocaleString('en')} items per vendor through paginate(), simulators over HTTP on 127.0.0.1…`,
);
const results = await runSoak({ size });
const summary = soakTable(results);
console.log(summary);
/** What drift repair cost in requests, against the same walk page after page. */
function extraRequests(rows: typeof results): string {
  const repaired = rows.find((r) => r.walk.includes('repairDrift: true'));
  const plain = rows.find((r) => r.walk.includes('page after page'));
  if (!repaired || !plain) return '';
  const extra = ((repaired.requests / plain.requests - 1) * 100).toFixed(1);
  return `Drift repair cost ${repaired.requests} requests against ${plain.requests} (${extra} %), and lost ${repaired.lost} items against ${plain.lost}.`;
}
const failed = results.filter((r) => !r.offset && (r.lost > 0 || r.duplicated > 0));

const section = [
  '## Soak: faults with nothing lost',
  '',
  `\`pnpm soak\`: ${size.toLocaleString('en')} items per vendor through \`paginate()\` over HTTP on loopback, while the simulators inject 10 % 5xx, 2 % 429 (Retry-After 0), token expiry every 150 requests (DingTalk, LINE WORKS), one invalid DingTalk nextToken, 0–4 ms jitter, an insert every 7 and a delete every 11 list requests, at random places. Lost = items present for the whole walk that it never yielded (checked against the simulator's record of inserts and deletes); duplicated = items handed to the caller twice; repeats held back = items the vendor delivered again that de-duplication removed (after a DingTalk restart, or offset drift). The DingTalk pageNumber walk runs twice over the same faults: with drift repair asked for (\`repairDrift: true\`: each page read as a window that starts a few items back, the walk going on right after the last item it read) and page after page by number — DingTalk's default, as its guidance asks for pages 1, 2, 3… in order — where loss and repeats are the drift the offset model allows — reported, not hidden. ${extraRequests(results)}`,
  '',
  summary,
  '',
].join('\n');
const text = readBenchmarks() || '# Benchmarks\n';
const start = text.indexOf('## Soak: faults with nothing lost');
const end = start < 0 ? -1 : text.indexOf('\n## ', start + 5);
const next =
  start < 0
    ? `${text.trimEnd()}\n\n${section}`
    : `${text.slice(0, start)}${section}${end < 0 ? '' : text.slice(end + 1)}`;
writeBenchmarks(next);
console.log(
  failed.length
    ? `FAILED: ${failed.map((r) => r.walk).join(', ')} lost or duplicated items`
    : 'cursor sources: 0 lost, 0 duplicated',
);
process.exit(failed.length ? 1 : 0);
