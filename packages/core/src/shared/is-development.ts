/**
 * Whether warnings for developers are shown. Bundlers replace `process.env.NODE_ENV` (as they do
 * for React and TanStack Query): production bundles drop the warnings. Where there is no
 * `process` at all (plain ES modules in a browser), the warnings stay, and nothing throws.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

const warned = new Set<string>();

/** A development warning, once per text. */
export function warnOnce(text: string): void {
  if (!isDevelopment() || warned.has(text)) return;
  warned.add(text);
  console.warn(`[pagewise] ${text}`);
}
