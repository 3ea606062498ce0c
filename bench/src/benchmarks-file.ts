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

/**
 * BENCHMARKS.md with one section (`## title` up to the next `## `) replaced by `body`; a section
 * not there yet goes before the soak section (which `pnpm soak` writes), or at the end.
 */
export function replaceSection(text: string, title: string, body: string): string {
  const section = `## ${title}\n\n${body.trim()}\n\n`;
  const start = text.indexOf(`## ${title}\n`);
  if (start < 0) {
    const soak = text.indexOf('## Soak');
    return soak < 0
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, soak)}${section}${text.slice(soak)}`;
  }
  const next = text.indexOf('\n## ', start + 3);
  return next < 0
    ? `${text.slice(0, start)}${section.trimEnd()}\n`
    : `${text.slice(0, start)}${section}${text.slice(next + 1)}`;
}
