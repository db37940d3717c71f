import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { GENEROUS_TIMEOUTS } from '../../vitest.timeouts.mts';
import { webResolve } from './vite.config.mts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: webResolve,
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    setupFiles: ['test-setup.ts'],
    ...GENEROUS_TIMEOUTS,
  },
});
