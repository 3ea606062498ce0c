import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The repository's BENCHMARKS.md. */
export const BENCHMARKS_FILE = new URL('../../BENCHMARKS.md', import.meta.url).pathname;

export function readBenchmarks(): string {
  return existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '';
}

/** Writes BENCHMARKS.md formatted as the repository's formatter wants it (`pnpm test` checks it). */
export function writeBenchmarks(text: string): void {
  writeFileSync(BENCHMARKS_FILE, text);
  execFileSync(
    new URL('../../node_modules/.bin/biome', import.meta.url).pathname,
    ['format', '--write', BENCHMARKS_FILE],
    { stdio: 'ignore' },
  );
}
