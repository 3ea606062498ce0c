import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The workspace root: the @pagewise packages are linked from there (an app installing them from
// npm needs none of this).
const root = fileURLToPath(new URL('../..', import.meta.url));

const config: NextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
};

export default config;
