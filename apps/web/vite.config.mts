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
  },
  server: {
    port: 4200,
    proxy: { '/api': 'http://127.0.0.1:3000', '/iiif': 'http://127.0.0.1:3000' },
  },
});
