import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { apiResolve } from './vite.shared.mts';

/**
 * The API is bundled by Vite in SSR mode (see STACK.md: @nx/webpack cannot be
 * installed here). Dependencies stay external; the contracts lib is bundled in.
 */
export default defineConfig({
  root: import.meta.dirname,
  resolve: apiResolve,
  build: {
    ssr: true,
    target: 'node20',
    outDir: '../../dist/apps/api',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: resolve(import.meta.dirname, 'src/main.ts'),
      output: { format: 'cjs', entryFileNames: 'main.js' },
    },
  },
});
