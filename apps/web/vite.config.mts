import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const webResolve = {
  alias: { '@vitrina/contracts': resolve(import.meta.dirname, '../../libs/contracts/src/index.ts') },
};

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: webResolve,
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // The contracts only declare schemas and constants. Saying so lets a page that imports a
        // constant (constants.ts) leave the other contract modules, and with them zod, out of its
        // chunks: zod then loads with the staff pages that use it, never with the visitor pages.
        // zod.ts is the exception: its side effect (zod's configuration) must run before any schema.
        moduleSideEffects: (id: string) => !id.includes('/libs/contracts/src/') || id.endsWith('/libs/contracts/src/zod.ts'),
      },
    },
  },
  server: {
    port: 4200,
    proxy: { '/api': 'http://127.0.0.1:3000', '/iiif': 'http://127.0.0.1:3000' },
  },
});
