import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@pagewise/core': fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url)),
      '@pagewise/react': fileURLToPath(
        new URL('../../packages/react/src/index.ts', import.meta.url),
      ),
    },
  },
  build: { outDir: 'dist', sourcemap: false },
});
